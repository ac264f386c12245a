package dev.skillbase.registry;

/** A change that needs a version not yanked, such as pointing a tag at it, was asked of a yanked one (409). */
public final class VersionYankedException extends RuntimeException {
    public VersionYankedException(SkillRef ref, String version, String action) {
        super("version " + ref + "@" + version + " is yanked: " + action + " needs a version not yanked "
                + "(unyank it first, or choose another version)");
    }
}
