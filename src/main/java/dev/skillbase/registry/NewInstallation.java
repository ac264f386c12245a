package dev.skillbase.registry;

import java.util.Objects;

/**
 * What a user reports having installed: one version of a skill for one agent (an id of the agent catalogue) in one
 * scope ({@code project} or {@code global}), and whether it follows new versions by itself ({@code autoUpdate}: it
 * was installed with a range or a tag, so {@code skillbase update} moves it).
 */
public record NewInstallation(String version, String agent, String scope, boolean autoUpdate) {
    public static final String PROJECT = "project";
    public static final String GLOBAL = "global";

    public NewInstallation {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(scope, "scope");
    }
}
