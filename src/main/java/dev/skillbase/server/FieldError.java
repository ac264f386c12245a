package dev.skillbase.server;

import dev.skillbase.skill.Problem;

/** One entry of a problem's {@code errors}: which field (or archive entry, or file) and what is wrong with it. */
public record FieldError(String field, String code, String message) {
    static FieldError of(Problem problem) {
        return new FieldError(problem.field(), problem.code(), problem.message());
    }
}
