package dev.skillbase.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A skill's record, its latest version and its counters. */
public record SkillDetails(
        UUID id,
        SkillRef ref,
        String title,
        String description,
        String taxonomyPath,
        String status,
        String visibility,
        Optional<String> license,
        Optional<String> sourceUrl,
        Optional<String> homepage,
        Optional<String> repo,
        List<String> tags,
        Optional<VersionInfo> latest,
        long installs,
        long versionCount,
        long executions,
        long executionsSucceeded,
        Instant createdAt,
        Instant updatedAt,
        Rating rating) {

    public SkillDetails {
        tags = List.copyOf(tags);
        java.util.Objects.requireNonNull(rating, "rating");
    }
}
