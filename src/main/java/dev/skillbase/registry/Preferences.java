package dev.skillbase.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's preferences: the agents to install for, in order ({@code agents}, ids of the agent catalogue), the scope
 * installs go to by default, and the skills turned on or off explicitly (a skill in neither list is as installed).
 * {@code updatedAt} is empty while the user never set them ({@link #defaults()}).
 */
public record Preferences(List<String> agents, String scope, List<SkillRef> enabled, List<SkillRef> disabled,
        Optional<Instant> updatedAt) {

    public Preferences {
        agents = List.copyOf(agents);
        Objects.requireNonNull(scope, "scope");
        enabled = List.copyOf(enabled);
        disabled = List.copyOf(disabled);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** What a user who never set preferences has: no preferred agent, the project scope, no skill toggled. */
    public static Preferences defaults() {
        return new Preferences(List.of(), NewInstallation.PROJECT, List.of(), List.of(), Optional.empty());
    }
}
