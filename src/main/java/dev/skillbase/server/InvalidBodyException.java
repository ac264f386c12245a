package dev.skillbase.server;

import java.util.List;

/** A well-formed JSON body whose fields are wrong; carries every field error at once (422). */
public final class InvalidBodyException extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidBodyException(List<FieldError> errors) {
        super("the request body has " + errors.size() + " problem(s), each listed in errors");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
