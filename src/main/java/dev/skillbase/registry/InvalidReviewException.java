package dev.skillbase.registry;

import java.util.List;
import java.util.stream.Collectors;

/** A review that cannot be saved as given; names every field that is wrong. Nothing was written. */
public final class InvalidReviewException extends RuntimeException {
    /** One wrong field, with a code and a message a person can act on. */
    public record FieldProblem(String field, String code, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidReviewException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
