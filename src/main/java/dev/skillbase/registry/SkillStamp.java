package dev.skillbase.registry;

import java.time.Instant;

/** When a skill's record last changed: what a cache compares to tell a change made by another process. */
public record SkillStamp(SkillRef ref, Instant updatedAt) {
}
