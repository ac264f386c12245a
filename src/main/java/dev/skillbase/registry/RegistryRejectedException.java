package dev.skillbase.registry;

import java.util.List;

/**
 * The registry server refused a request as bad input (400, 413, 415, 422): e.g. a skill its strict validation
 * rejects. {@code errors} lists each field-level problem as {@code field: message}.
 */
public final class RegistryRejectedException extends RuntimeException {
    private final int status;
    private final List<String> errors;

    public RegistryRejectedException(int status, String message, List<String> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }
}
