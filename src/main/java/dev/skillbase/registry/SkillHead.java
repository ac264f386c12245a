package dev.skillbase.registry;

/**
 * What a sync compares of a remote skill: where the registry files it, its status, and its latest version with that
 * version's content digest.
 */
public record SkillHead(SkillRef ref, String taxonomyPath, String status, String version, String contentDigest) {

    /** An archived skill is the registry's deletion: its versions stay readable, but it is gone for a sync. */
    public boolean archived() {
        return "archived".equals(status);
    }
}
