package dev.skillbase.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One user's installation of a skill for one agent in one scope, as the registry records it, with its usage figures:
 * when it was first recorded ({@code installedAt}), last changed ({@code updatedAt}) and last reported
 * ({@code lastUsedAt}); how often it was recorded again with the same version ({@code reinstalls}) and with another
 * version ({@code updates}). {@code latestVersion} and {@code skillInstalls} are the skill's as of the read.
 */
public record Installation(SkillRef skill, String version, String agent, String scope, boolean autoUpdate,
        Instant installedAt, Instant updatedAt, Instant lastUsedAt, long reinstalls, long updates,
        Optional<String> latestVersion, long skillInstalls) {

    public Installation {
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(latestVersion, "latestVersion");
    }

    /** The outcome of recording: the installation as stored, and whether this request created it. */
    public record Recorded(Installation installation, boolean created) {
    }
}
