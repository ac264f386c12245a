package dev.skillbase.server;

import dev.skillbase.registry.SkillRef;

/** The skill exists but not this version, or the version has no such file (404). */
public final class VersionNotFoundException extends RuntimeException {
    public VersionNotFoundException(SkillRef ref, String version) {
        super("skill " + ref + " has no version " + version);
    }

    private VersionNotFoundException(String message) {
        super(message);
    }

    public static VersionNotFoundException noTag(SkillRef ref, String tag) {
        return new VersionNotFoundException("skill " + ref + " has no tag " + tag);
    }

    public static VersionNotFoundException yankedTag(SkillRef ref, String tag, String version) {
        return new VersionNotFoundException("tag " + tag + " of skill " + ref + " points at " + version
                + ", which is yanked: the tag resolves again when " + version + " is unyanked");
    }

    public static VersionNotFoundException noLatest(SkillRef ref) {
        return new VersionNotFoundException("skill " + ref + " has no tag latest: it has no version that is not "
                + "yanked (a yanked version is still downloadable by its exact version)");
    }

    public static VersionNotFoundException noFile(SkillRef ref, String version, String path) {
        return new VersionNotFoundException("version " + ref + "@" + version + " has no file " + path);
    }
}
