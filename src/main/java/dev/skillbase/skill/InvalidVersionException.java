package dev.skillbase.skill;

/** A text that is not a semantic version. */
public final class InvalidVersionException extends RuntimeException {
    public InvalidVersionException(String message) {
        super(message);
    }
}
