package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the data commands do when the database itself is the problem: exit 2 or 3 with a message naming it. */
class DatabaseFailuresIT {

    @TempDir
    Path tmp;

    /** How to make writable again what a test made read-only, last first. */
    private final Deque<Callable<?>> undo = new ArrayDeque<>();

    @AfterEach
    void makeWritableAgain() throws Exception {
        while (!undo.isEmpty()) {
            undo.pop().call();
        }
    }

    static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file;
    }

    private SkillTree tree() {
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        tree.skill("good", "good", "A good skill");
        return tree;
    }

    @Test
    void a_malformed_db_url_is_a_usage_error_naming_it() {
        for (String command : new String[] {"push", "list", "stats"}) {
            List<String> args = new ArrayList<>(List.of(command));
            if (command.equals("push")) {
                args.add(tree().root().toString());
            }
            args.addAll(List.of("--db", "mysql://somewhere/db"));

            CliRun.Result result = CliRun.run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).as(result.toString()).contains("mysql://somewhere/db");
        }
    }

    @Test
    void an_unreachable_postgresql_is_an_environment_error_naming_host_and_port_but_not_the_password() {
        CliRun.Result result = CliRun.run("push", tree().root().toString(), "--db",
                "postgresql://u:s3cret-pw@127.0.0.1:1/x");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("127.0.0.1:1").doesNotContain("s3cret-pw");
        assertThat(result.out()).doesNotContain("s3cret-pw");
    }

    @Test
    void a_dry_run_does_not_create_the_database_file() {
        Path db = tmp.resolve("never-created.db");

        CliRun.Result result = CliRun.run("push", "--dry-run", tree().root().toString(), "--db", sqliteUrl(db));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("added", "local/good", "dry run: nothing was written");
        assertThat(db).doesNotExist();
        assertThat(tmp.toFile().list()).containsExactly("skills");
    }

    /**
     * As root, file permissions do not stop writes; an immutable file (chattr +i) does. Without root, chmod 444
     * on the file and 555 on its folder are enough.
     */
    @Test
    void pushing_into_a_read_only_sqlite_file_is_an_environment_error() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ro"));
        Path db = dir.resolve("skills.db");
        String url = sqliteUrl(db);
        assertThat(CliRun.run("stats", "--db", url).exitCode()).isZero();
        SkillTree tree = tree();
        makeReadOnly(db, dir);

        CliRun.Result result = CliRun.run("push", tree.root().toString(), "--db", url);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("skills.db", "not writable");
        assertThat(result.out()).doesNotContain("added");
        makeWritableAgain();
        assertThat(new Cli(url).listed()).isEmpty();
    }

    @Test
    void a_sqlite_path_below_a_regular_file_is_an_environment_error() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("plain-file"), "x");

        CliRun.Result result = CliRun.run("push", tree().root().toString(), "--db",
                sqliteUrl(notADir.resolve("skills.db")));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("plain-file");
    }

    private void makeReadOnly(Path db, Path dir) throws Exception {
        boolean root = ((Integer) Files.getAttribute(db, "unix:uid")) == 0;
        for (Path path : List.of(db, dir)) {
            if (root) {
                assertThat(run("chattr", "+i", path.toString()))
                        .as("chattr +i " + path + " (needs CAP_LINUX_IMMUTABLE and ext4/xfs/btrfs)").isZero();
                undo.push(() -> assertThat(run("chattr", "-i", path.toString())).as("chattr -i " + path).isZero());
            } else {
                Set<PosixFilePermission> before = Files.getPosixFilePermissions(path);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
                undo.push(() -> Files.setPosixFilePermissions(path, before));
            }
        }
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
