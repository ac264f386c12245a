package dev.skillbase.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A skill as it appears in a list or a search result. */
public record SkillSummary(
        SkillRef ref,
        String title,
        String description,
        String taxonomyPath,
        String status,
        Optional<String> latestVersion,
        List<String> tags,
        long installs,
        Instant createdAt,
        Instant updatedAt,
        Rating rating) {

    public SkillSummary {
        tags = List.copyOf(tags);
        java.util.Objects.requireNonNull(rating, "rating");
    }
}
