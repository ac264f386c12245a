package dev.skillbase.registry;

/** A version that already exists was published again with different content: published versions never change. */
public final class VersionConflictException extends RuntimeException {
    public VersionConflictException(SkillRef ref, String version, String existingDigest, String newDigest) {
        super("version " + ref + "@" + version + " is already published with content " + existingDigest
                + "; the new content is " + newDigest + " (published versions never change: choose a new version)");
    }

    /** A conflict a registry server reported, with its explanation. */
    public VersionConflictException(String message) {
        super(message);
    }
}
