package dev.skillbase.skill;

/** A text that is not a valid skill name; the message lists every rule it breaks. */
public final class InvalidSkillNameException extends RuntimeException {
    public InvalidSkillNameException(String message) {
        super(message);
    }
}
