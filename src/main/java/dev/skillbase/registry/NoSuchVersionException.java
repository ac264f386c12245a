package dev.skillbase.registry;

/** A change named a version that the skill does not have. */
public final class NoSuchVersionException extends RuntimeException {
    public NoSuchVersionException(SkillRef ref, String version) {
        super("skill " + ref + " has no version " + version);
    }
}
