package dev.skillbase.registry;

/** A change named a skill that does not exist (or that the caller may not see). */
public final class NoSuchSkillException extends RuntimeException {
    public NoSuchSkillException(SkillRef ref) {
        super("there is no skill " + ref);
    }
}
