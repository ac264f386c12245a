package dev.skillbase.exec;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import java.util.Objects;
import java.util.Optional;

/**
 * A run to make.
 *
 * @param version the version to run; empty for the latest
 * @param inputs the input as JSON text, exactly as given
 * @param viewer what the runner may read: a skill it cannot see does not exist for it
 * @param unsandboxed run without the sandbox (only ever from the command line, when the user asks)
 */
public record RunRequest(SkillRef skill, Optional<String> version, byte[] inputs, Runner runner, Viewer viewer,
        boolean unsandboxed) {
    public RunRequest {
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(viewer, "viewer");
    }
}
