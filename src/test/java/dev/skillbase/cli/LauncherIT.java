package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void keeps_sqlites_native_library_in_the_cache_folder_and_extracts_nothing_to_the_temp_folder(@TempDir Path dir)
            throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path cache = dir.resolve("cache/skillbase/sqlite");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(),
                "SKILLBASE_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        String db = "sqlite:" + dir.resolve("skills.db");

        Outcome first = launch(env, "stats", "--db", db);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(files(cache)).singleElement().satisfies(copy ->
                assertThat(copy.getFileName().toString()).startsWith("libsqlitejdbc-").endsWith(".so"));
        assertThat(files(tmp)).isEmpty();

        Path copy = files(cache).getFirst();
        long size = Files.size(copy);
        Files.write(copy, new byte[] {0});
        Outcome damaged = launch(env, "stats", "--db", db);

        assertThat(damaged.exit()).as(damaged.err()).isZero();
        assertThat(damaged.err()).isEmpty();
        assertThat(Files.size(copy)).isEqualTo(size);
        assertThat(files(tmp)).isEmpty();
    }

    @Test
    void copies_sqlites_native_library_only_for_a_command_that_opens_an_sqlite_database(@TempDir Path dir)
            throws Exception {
        Path skill = Files.createDirectories(dir.resolve("skills/tidy-notes"));
        Files.writeString(skill.resolve("SKILL.md"),
                "---\nname: tidy-notes\ndescription: Tidies notes.\n---\n# Notes\n");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());

        Outcome validate = launch(env, "validate", skill.toString());

        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(dir.resolve("cache/skillbase/sqlite")).doesNotExist();

        Outcome push = launch(env, "push", "--db", "sqlite:" + dir.resolve("skills.db"), skill.toString());

        assertThat(push.exit()).as(push.err()).isZero();
        assertThat(files(dir.resolve("cache/skillbase/sqlite"))).singleElement().satisfies(copy ->
                assertThat(copy.getFileName().toString()).startsWith("libsqlitejdbc-").endsWith(".so"));
    }
}
