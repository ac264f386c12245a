package dev.skillbase.skill;

import java.util.Objects;

/**
 * One thing wrong with a skill: the field (or file) it concerns, a stable machine code, how bad it is, and a
 * message a person can act on.
 */
public record Problem(String field, String code, Severity severity, String message) {
    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String field, String code, String message) {
        return new Problem(field, code, Severity.ERROR, message);
    }

    public static Problem warning(String field, String code, String message) {
        return new Problem(field, code, Severity.WARNING, message);
    }
}
