package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pull and sync refuse a folder they cannot use with exit code 3 and a message naming it; nothing is written. */
class SyncBadInputIT {
    /** A folder no process may create anything in, not even root: /proc is the kernel's. */
    private static final Path UNWRITABLE = Path.of("/proc/1");

    @TempDir
    Path tmp;

    private Cli cli() {
        Cli cli = new Cli(TestDatabases.freshSqlite().toString());
        SkillTree tree = new SkillTree(tmp.resolve("upstream"));
        tree.skill("development/python", "python-style", "Formats Python code");
        cli.json("push", tree.root().toString());
        return cli;
    }

    @Test
    void sync_of_a_missing_folder_exits_3_naming_it() {
        Path missing = tmp.resolve("missing");

        CliRun.Result result = cli().run("sync", missing.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains(missing.toString(), "does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void pull_and_sync_into_a_file_exit_3_naming_it() throws IOException {
        Path file = Files.writeString(tmp.resolve("skills.txt"), "not a folder\n");
        Cli cli = cli();

        for (String command : new String[] {"pull", "sync"}) {
            CliRun.Result result = cli.run(command, file.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.err()).contains(file.toString(), "is a file, not a folder");
        }
        assertThat(Files.readString(file)).isEqualTo("not a folder\n");
    }

    @Test
    void pull_and_sync_into_a_folder_that_cannot_be_written_exit_3_naming_it() {
        Cli cli = cli();

        CliRun.Result pull = cli.run("pull", UNWRITABLE.resolve("skills").toString());
        CliRun.Result sync = cli.run("sync", UNWRITABLE.toString());

        assertThat(pull.exitCode()).as(pull.toString()).isEqualTo(3);
        assertThat(pull.err()).contains("cannot create the folder " + UNWRITABLE.resolve("skills"));
        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(3);
        assertThat(sync.err()).contains("cannot write to " + UNWRITABLE);
    }

    @Test
    void a_folder_that_is_itself_a_skill_is_refused_with_a_hint() {
        Cli cli = cli();
        Path skill = tmp.resolve("upstream/development/python");

        CliRun.Result result = cli.run("sync", skill.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("is itself a skill folder", "give its parent");
        assertThat(skill.resolve(".skillbase")).doesNotExist();
    }

    @Test
    void a_second_sync_while_one_holds_the_folder_exits_3() throws Exception {
        Cli cli = cli();
        Path mine = tmp.resolve("mine");
        cli.json("pull", mine.toString());
        try (var channel = java.nio.channels.FileChannel.open(mine.resolve(".skillbase/lock"),
                java.nio.file.StandardOpenOption.WRITE); var lock = channel.lock()) {

            CliRun.Result result = cli.run("sync", mine.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.err()).contains("is writing " + mine);
        }
    }

    @Test
    void a_corrupt_state_file_exits_3_and_says_how_to_start_over() throws IOException {
        Cli cli = cli();
        Path mine = tmp.resolve("mine");
        cli.json("pull", mine.toString());
        Files.writeString(mine.resolve(".skillbase/sync.json"), "{ not json");

        CliRun.Result result = cli.run("sync", mine.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains(mine.resolve(".skillbase/sync.json").toString(), "delete it to start over");
    }

    @Test
    void a_bad_namespace_or_prefer_value_is_a_usage_error() {
        Cli cli = cli();

        assertThat(cli.run("sync", tmp.toString(), "--namespace", "Bad_NS").exitCode()).isEqualTo(2);
        assertThat(cli.run("sync", tmp.toString(), "--prefer", "both").exitCode()).isEqualTo(2);
        assertThat(cli.run("pull", tmp.toString(), "--status", "archived").exitCode()).isEqualTo(2);
    }
}
