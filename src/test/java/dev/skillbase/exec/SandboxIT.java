package dev.skillbase.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.testing.ExecSkills;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape attempts against the real bubblewrap sandbox, with real processes. Each attempt fails and is recorded; where
 * it helps, the same skill run with --unsandboxed shows that the attempt would have worked without the sandbox (so
 * the test can fail). A machine without bubblewrap fails these tests: they do not skip.
 */
class SandboxIT {
    @TempDir
    Path work;

    private Path dbFile;
    private LocalRegistry registry;
    private SkillRunner runner;

    @BeforeEach
    void open() {
        dbFile = TestDatabases.freshSqlite();
        registry = LocalRegistry.open(dbFile.toString());
        Sandbox sandbox = Sandbox.bubblewrap().orElseThrow(() -> new AssertionError(
                "these tests need bubblewrap and util-linux: apt-get install bubblewrap"));
        runner = new SkillRunner(registry, Optional.of(sandbox), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private SkillRef shell(String name, String script, Map<String, Object> extras) {
        return ExecSkills.shell(registry, work, "test", name, script, extras);
    }

    private Execution run(SkillRef skill, String inputs, boolean unsandboxed) {
        return runner.run(new RunRequest(skill, Optional.empty(), inputs.getBytes(StandardCharsets.UTF_8),
                Runner.local(), Viewer.EVERYTHING, unsandboxed));
    }

    /** The run as the log holds it: every attempt is recorded. */
    private Execution recorded(Execution execution) {
        Execution stored = registry.executions().find(execution.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(execution.status());
        return stored;
    }

    @Test
    void a_trivial_script_succeeds_with_its_json_output_recorded() {
        SkillRef skill = shell("echo-json", "cat >/dev/null; echo '{\"ok\": true}'", Map.of());

        Execution execution = recorded(run(skill, "{}", false));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.sandboxed()).isTrue();
        assertThat(execution.exitCode()).contains(0);
        assertThat(execution.outputs().orElseThrow().text()).contains("\"ok\": true");
        assertThat(registry.executions().usage(skill)).isEqualTo(new Usage(1, 1));
    }

    @Test
    void network_access_fails_in_the_sandbox() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(1);
            SkillRef skill = shell("phone-home", "exec bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort()
                    + " && echo {}'", Map.of());

            Execution sandboxed = recorded(run(skill, "{}", false));

            assertThat(sandboxed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(sandboxed.stderrTail()).containsAnyOf("Network is unreachable", "Connection refused");
            assertThat(accepted(server)).as("a connection reached the host").isFalse();

            Execution unsandboxed = recorded(run(skill, "{}", true));
            assertThat(unsandboxed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(accepted(server)).as("the control run without the sandbox connects").isTrue();
        }
    }

    private static boolean accepted(ServerSocket server) throws IOException {
        try (Socket ignored = server.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Test
    void reading_an_ssh_key_or_the_database_file_fails_in_the_sandbox() throws IOException {
        Path key = Files.createDirectories(work.resolve("home/.ssh")).resolve("id_ed25519");
        Files.writeString(key, "SECRET-KEY-MATERIAL");
        for (Path secret : List.of(key, dbFile.toAbsolutePath())) {
            SkillRef skill = shell("reader-" + Math.abs(secret.hashCode()), "cat '" + secret + "' && exit 0; "
                    + "ls /root /home 2>/dev/null && exit 0; exit 3", Map.of());

            Execution sandboxed = recorded(run(skill, "{}", false));

            assertThat(sandboxed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(sandboxed.exitCode()).contains(3);
            assertThat(sandboxed.stderrTail()).contains("No such file or directory");
            assertThat(sandboxed.outputs().orElseThrow().bytes()).isZero();

            Execution unsandboxed = recorded(run(skill, "{}", true));
            assertThat(unsandboxed.outputs().orElseThrow().bytes()).as("the control run reads it").isPositive();
        }
    }

    @Test
    void writing_anywhere_but_the_scratch_folder_fails_in_the_sandbox() throws IOException {
        Path hostDir = Files.createDirectories(work.resolve("host"));
        Path target = hostDir.resolve("pwned");
        SkillRef skill = shell("writer", "for f in ./pwned SKILL.md /pwned /usr/pwned /tmp/pwned '" + target + "'; do "
                + "if echo x > \"$f\"; then echo \"wrote $f\" >&2; exit 4; fi; done; "
                + "echo fine > \"$HOME/scratch-file\" && cat \"$HOME/scratch-file\" >/dev/null && echo '{}'", Map.of());

        Execution execution = recorded(run(skill, "{}", false));

        assertThat(execution.status()).as(execution.stderrTail()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.stderrTail()).contains("Read-only file system");
        assertThat(target).doesNotExist();
    }

    @Test
    void a_fork_bomb_is_held_by_the_process_limit_and_killed_at_the_timeout() {
        SkillRef skill = shell("fork-bomb", "f() { f | f & }; f; sleep 60",
                Map.of("max_processes", 16, "timeout_seconds", 3));
        long before = ProcessHandle.current().descendants().count();

        Execution execution = recorded(run(skill, "{}", false));

        assertThat(execution.status()).isIn(ExecutionStatus.TIMED_OUT, ExecutionStatus.FAILED);
        assertThat(execution.duration()).isLessThan(Duration.ofSeconds(20));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count())
                .as("processes left behind").isLessThanOrEqualTo(before);
    }

    @Test
    void unbounded_output_is_cut_at_the_cap_and_the_process_killed() {
        SkillRef skill = shell("yes-man", "yes", Map.of("max_output_kb", 64, "timeout_seconds", 60));

        Execution execution = recorded(run(skill, "{}", false));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.message()).contains("output cap");
        assertThat(execution.outputs().orElseThrow().bytes()).isEqualTo(64 * 1024);
        assertThat(execution.duration()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void a_process_tree_ignoring_sigterm_is_killed_at_the_timeout() {
        SkillRef skill = shell("stubborn", "trap '' TERM; (trap '' TERM; while :; do sleep 1; done) & "
                + "while :; do sleep 1; done", Map.of("timeout_seconds", 2));

        Execution execution = recorded(run(skill, "{}", false));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(execution.exitCode()).isEmpty();
        assertThat(execution.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(2))
                .isLessThan(Duration.ofSeconds(15));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                .as("processes left behind").isEmpty();
    }

    @Test
    void memory_beyond_the_limit_cannot_be_had() {
        SkillRef skill = shell("hog", "exec python3 -c 'x = bytearray(512 * 1024 * 1024); print(\"{}\")'",
                Map.of("memory_mb", 64));

        Execution execution = recorded(run(skill, "{}", false));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.stderrTail()).contains("MemoryError");
    }

    @Test
    void invalid_input_never_starts_a_process() throws IOException {
        Path marker = Files.createDirectories(work.resolve("marks")).resolve("started");
        SkillRef skill = ExecSkills.publish(registry, work, "test", "strict-input", Map.of(
                "command", List.of("sh", "-c", "touch '" + marker + "'; echo '{}'"),
                "input", Map.of("type", "object", "required", List.of("text")),
                "output", ExecSkills.ANY_OBJECT), Map.of());

        Execution invalid = recorded(run(skill, "{\"txt\": 1}", true));
        Execution malformed = recorded(run(skill, "{not json", true));

        assertThat(invalid.status()).isEqualTo(ExecutionStatus.INVALID_INPUT);
        assertThat(invalid.message()).contains("text");
        assertThat(malformed.status()).isEqualTo(ExecutionStatus.INVALID_INPUT);
        assertThat(invalid.outputs()).isEmpty();
        assertThat(marker).as("no process started").doesNotExist();
        assertThat(recorded(run(skill, "{\"text\": \"go\"}", true)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(marker).as("the control run starts it").exists();
        assertThat(registry.executions().usage(skill)).isEqualTo(new Usage(1, 1));
    }

    @Test
    void output_that_is_not_json_or_does_not_fit_the_schema_is_invalid_output() {
        Map<String, Object> output = Map.of("type", "object", "required", List.of("words"));
        SkillRef prose = ExecSkills.publish(registry, work, "test", "prose", Map.of(
                "command", List.of("sh", "-c", "echo 'hello, world'"), "input", true, "output", output), Map.of());
        SkillRef wrong = ExecSkills.publish(registry, work, "test", "wrong-shape", Map.of(
                "command", List.of("sh", "-c", "echo '{\"lines\": 2}'"), "input", true, "output", output), Map.of());

        Execution notJson = recorded(run(prose, "{}", false));
        Execution misfit = recorded(run(wrong, "{}", false));

        assertThat(notJson.status()).isEqualTo(ExecutionStatus.INVALID_OUTPUT);
        assertThat(notJson.message()).contains("not valid JSON");
        assertThat(notJson.outputs().orElseThrow().text()).contains("hello, world");
        assertThat(misfit.status()).isEqualTo(ExecutionStatus.INVALID_OUTPUT);
        assertThat(misfit.message()).contains("words");
        assertThat(registry.executions().usage(wrong)).isEqualTo(new Usage(1, 0));
    }

    @Test
    void without_a_sandbox_the_run_is_refused_with_how_to_get_one() {
        SkillRunner bare = new SkillRunner(registry, Optional.empty(), Clock.systemUTC());
        SkillRef skill = shell("plain", "echo '{}'", Map.of());

        Execution execution = recorded(bare.run(new RunRequest(skill, Optional.empty(), "{}".getBytes(
                StandardCharsets.UTF_8), Runner.local(), Viewer.EVERYTHING, false)));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.REFUSED);
        assertThat(execution.message()).contains("apt-get install bubblewrap").contains("--unsandboxed");
        assertThat(registry.executions().usage(skill)).isEqualTo(new Usage(0, 0));
    }

    @Test
    void the_environment_is_cleared() {
        SkillRef skill = shell("env-dump", "env | grep -v -E '^(PATH|HOME|TMPDIR|LANG|PWD|SHLVL|_)=' >&2 && exit 6; "
                + "echo '{}'", Map.of());

        Execution execution = recorded(run(skill, "{}", false));

        assertThat(execution.status()).as(execution.stderrTail()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
