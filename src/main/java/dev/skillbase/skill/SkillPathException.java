package dev.skillbase.skill;

/** A path given for skills that does not exist or cannot be read. */
public final class SkillPathException extends RuntimeException {
    public SkillPathException(String message) {
        super(message);
    }

    public SkillPathException(String message, Throwable cause) {
        super(message, cause);
    }
}
