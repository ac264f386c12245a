package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code ./skillbase} launcher script, run as a user runs it (the jar exists: failsafe runs after package). */
class LauncherIT {

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of("skillbase").toAbsolutePath().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SKILLBASE_JAVA");
        builder.environment().putAll(env);
        Path err = Files.createTempFile("launcher", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Outcome(exit, out, errText);
    }

    @Test
    void prints_the_version_with_the_built_jar() throws Exception {
        Outcome outcome = launch(Map.of(), "--version");

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.out()).startsWith("skillbase ").contains(VersionProvider.version());
    }

    @Test
    void refuses_a_skillbase_java_older_than_25_naming_it() throws Exception {
        String old = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
        assertThat(Path.of(old)).as("this test needs Debian's OpenJDK 17 at " + old).exists();

        Outcome outcome = launch(Map.of("SKILLBASE_JAVA", old), "--version");

        assertThat(outcome.exit()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(outcome.err()).contains("SKILLBASE_JAVA=" + old).contains("not a JDK 25");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void skips_a_java_home_older_than_25_and_falls_back_to_temurin_25() throws Exception {
        Outcome outcome = launch(Map.of("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"), "--version");

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.out()).startsWith("skillbase ");
    }

    @Test
    void passes_exit_codes_through_for_a_usage_error() throws Exception {
        Outcome outcome = launch(Map.of(), "no-such-command");

        assertThat(outcome.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err()).contains("no-such-command");
    }
}
