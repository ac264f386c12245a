package dev.skillbase.registry;

import java.util.List;

/**
 * What a push compares a skill folder with: the skill's versions (highest semver first, possibly none) and the
 * taxonomy path it is filed under.
 */
public record PublishedSkill(List<VersionInfo> versions, String taxonomyPath) {
    public PublishedSkill {
        versions = List.copyOf(versions);
    }
}
