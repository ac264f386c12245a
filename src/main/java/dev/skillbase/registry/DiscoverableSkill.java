package dev.skillbase.registry;

import java.util.UUID;

/**
 * A skill as the discovery indexes list it: public, active or deprecated, with a version not yanked, whose latest
 * version is {@code version} and whose deterministic archive has the digest {@code archiveDigest}.
 */
public record DiscoverableSkill(UUID id, SkillRef ref, String title, String description, String version,
        String archiveDigest) {
}
