package dev.skillbase.cli;

/** The skill or the version a command names is not in the database (exit code 1). */
public final class SkillNotFoundException extends InvalidInputException {
    public SkillNotFoundException(String message) {
        super(message);
    }
}
