package dev.skillbase.exec;

import dev.skillbase.registry.SkillRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One recorded run of a skill.
 *
 * @param userId the signed-in runner on a server; empty for a run from the command line over the database
 * @param runner who ran it, for people: a user's login, or {@code local:<os user>}
 * @param sandboxed whether the entry ran inside the sandbox (false only for an explicit {@code --unsandboxed})
 * @param exitCode the entry's exit code; empty when no process ran or it was killed
 * @param message why the run did not succeed (schema errors, the limit hit), empty when it did
 * @param outputs what the entry printed on stdout; empty when no process ran
 * @param stderrTail the last few KiB the entry printed on stderr
 */
public record Execution(
        UUID id,
        SkillRef skill,
        String version,
        Optional<Long> userId,
        String runner,
        ExecutionStatus status,
        boolean sandboxed,
        Optional<Integer> exitCode,
        String message,
        Captured inputs,
        Optional<Captured> outputs,
        String stderrTail,
        Duration duration,
        Instant startedAt,
        Instant endedAt) {

    public Execution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(stderrTail, "stderrTail");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
