package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.exec.Captured;
import dev.skillbase.exec.Execution;
import dev.skillbase.exec.ExecutionStatus;
import dev.skillbase.exec.InvalidRunManifestException;
import dev.skillbase.exec.NotExecutableException;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunExitCodesTest {
    private static RunFailedException failed(ExecutionStatus status) {
        Instant now = Instant.parse("2026-12-08T00:00:00Z");
        return new RunFailedException(new Execution(UUID.randomUUID(), new SkillRef("local", "x"), "1.0.0",
                Optional.empty(), "local:me", status, false, Optional.empty(), "why", new Captured("{}", 2),
                Optional.empty(), "", Duration.ZERO, now, now));
    }

    @Test
    void a_refused_run_is_the_environments_to_fix_and_any_other_failed_run_is_input() {
        assertThat(ExitCodes.of(failed(ExecutionStatus.REFUSED))).isEqualTo(ExitCodes.ENVIRONMENT);
        for (ExecutionStatus status : List.of(ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT,
                ExecutionStatus.INVALID_INPUT, ExecutionStatus.INVALID_OUTPUT)) {
            assertThat(ExitCodes.of(failed(status))).as(status.wire()).isEqualTo(ExitCodes.INVALID);
        }
        assertThat(failed(ExecutionStatus.TIMED_OUT)).hasMessageContaining("timed_out: why");
    }

    @Test
    void a_skill_without_an_entry_or_with_a_broken_manifest_is_input() {
        assertThat(ExitCodes.of(new NotExecutableException("no manifest"))).isEqualTo(ExitCodes.INVALID);
        assertThat(ExitCodes.of(new InvalidRunManifestException("local/x@1.0.0",
                List.of(Problem.error("command", "invalid-command", "bad"))))).isEqualTo(ExitCodes.INVALID);
    }
}
