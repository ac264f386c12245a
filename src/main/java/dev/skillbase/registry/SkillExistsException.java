package dev.skillbase.registry;

/** A skill of this namespace and name already exists. */
public final class SkillExistsException extends RuntimeException {
    public SkillExistsException(SkillRef ref) {
        super("skill " + ref + " already exists");
    }
}
