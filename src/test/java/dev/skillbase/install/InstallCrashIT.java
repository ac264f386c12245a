package dev.skillbase.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.cli.Main;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An install killed at its worst moments (a real process, killed with SIGKILL while it holds at a checkpoint, see
 * {@link Checkpoint}) leaves the previous installation in place: verify passes against the old lockfile once the
 * next run has cleaned up.
 */
class InstallCrashIT {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"staged", "swapped"})
    void a_killed_update_leaves_the_previous_state(String point) throws Exception {
        String db = TestDatabases.freshUrl(DbKind.SQLITE);
        Sandbox s = new Sandbox(tmp, "--db", db);
        s.publish("acme", "pdf-tools", "1.0.0", "One.");
        assertThat(s.cli("install", "acme/pdf-tools@^1", "--agent", "claude-code").exitCode()).isZero();
        s.publish("acme", "pdf-tools", "1.1.0", "One point one.");
        byte[] lock = Files.readAllBytes(s.project.resolve("skillbase.lock"));

        Process update = start(s, point, "update", "--db", db, "--project", s.project.toString());
        String said = awaitHold(update);
        update.destroyForcibly();
        assertThat(update.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(said).contains("holding at " + point);
        assertThat(Files.readAllBytes(s.project.resolve("skillbase.lock"))).isEqualTo(lock);
        CliRun.Result repaired = s.cli("install");
        assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
        assertThat(Sandbox.read(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).contains("One.")
                .doesNotContain("One point one.");
        assertThat(s.local("verify").exitCode()).isZero();
        try (var leftovers = Files.list(s.project.resolve(".agents/skills"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString()).toList()).containsExactly("pdf-tools");
        }
    }

    private static Process start(Sandbox s, String point, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(s.env);
        env.put(Checkpoint.VARIABLE, point);
        return builder.start();
    }

    /** Reads the process's output until it says it holds (or ends), and returns what it said. */
    private static String awaitHold(Process process) throws IOException {
        StringBuilder said = new StringBuilder();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            said.append(line).append('\n');
            if (line.contains("holding at")) {
                break;
            }
        }
        return said.toString();
    }
}
