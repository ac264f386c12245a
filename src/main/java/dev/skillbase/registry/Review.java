package dev.skillbase.registry;

import java.time.Instant;
import java.util.Optional;

/** A user's review of a skill: a rating from 1 to 5, a title, a body (may be empty) and the version reviewed. */
public record Review(long id, SkillRef skill, String author, int rating, String title, String body,
        Optional<String> version, Instant createdAt, Instant updatedAt) {

    /** A review saved by {@link Registry#review}: {@code created} when the author had none of this skill. */
    public record Saved(Review review, boolean created) {
    }
}
