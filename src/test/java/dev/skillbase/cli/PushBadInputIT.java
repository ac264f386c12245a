package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** What {@code push} does with bad input: a clear message, the documented exit code, no partial skill. */
class PushBadInputIT {

    @TempDir
    Path tmp;

    private static Cli cli(DbKind kind) {
        return new Cli(TestDatabases.freshUrl(kind));
    }

    private SkillTree goodTree() {
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        tree.skill("good", "good", "A good skill");
        return tree;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_missing_folder_is_a_usage_error_naming_it(DbKind kind) {
        Cli cli = cli(kind);
        Path missing = tmp.resolve("no-such-folder");

        CliRun.Result pushed = cli.run("push", missing.toString());

        assertThat(pushed.exitCode()).as(pushed.toString()).isEqualTo(2);
        assertThat(pushed.err()).contains(missing.toString(), "does not exist");
        assertThat(cli.listed()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_folder_without_skills_fails_with_a_clear_message(DbKind kind) throws IOException {
        Cli cli = cli(kind);
        Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
        Files.writeString(empty.resolve("README.md"), "# not a skill\n");

        CliRun.Result pushed = cli.run("push", tmp.resolve("empty").toString());

        assertThat(pushed.exitCode()).as(pushed.toString()).isEqualTo(1);
        assertThat(pushed.err()).contains("no skill found in " + tmp.resolve("empty"), "SKILL.md");
        assertThat(cli.listed()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void broken_yaml_is_skipped_and_the_other_skills_are_pushed(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = goodTree();
        tree.skillMd("broken", "---\nname: broken\ndescription: a: b: c\n  - [unclosed\n---\nbody\n");

        CliRun.Result pushed = cli.run("push", tree.root().toString());

        assertThat(pushed.exitCode()).as(pushed.toString()).isEqualTo(1);
        assertThat(pushed.out()).contains("skipped", "broken", "Not pushed:");
        JsonNode skipped = PushIT.outcome(Cli.parse(cli.run("push", "--json", tree.root().toString()).out()),
                "skipped");
        assertThat(skipped.get("path").asString()).isEqualTo("broken");
        assertThat(skipped.get("reasons").size()).isPositive();
        assertThat(cli.listed()).containsExactly("local/good");
        assertThat(cli.run("show", "local/broken").exitCode()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_skill_without_frontmatter_is_skipped_with_a_reason(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = goodTree();
        tree.skillMd("plain", "# Just markdown\n\ndescription: in the body\n");

        JsonNode report = cli.json(1, "push", tree.root().toString());

        JsonNode skipped = PushIT.outcome(report, "skipped");
        assertThat(skipped.get("path").asString()).isEqualTo("plain");
        assertThat(skipped.get("reasons").toString()).containsIgnoringCase("frontmatter");
        assertThat(cli.listed()).containsExactly("local/good");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_file_over_the_size_limit_skips_its_skill_naming_the_file_and_the_limit(DbKind kind) throws IOException {
        Cli cli = cli(kind);
        SkillTree tree = goodTree();
        tree.skill("huge", "huge", "Carries a huge file");
        Path big = tree.root().resolve("huge/assets/big.bin");
        Files.createDirectories(big.getParent());
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(100L * 1024 * 1024); // sparse: 100 MB long, no disk used
        }

        JsonNode report = cli.json(1, "push", tree.root().toString());

        JsonNode skipped = PushIT.outcome(report, "skipped");
        assertThat(skipped.get("path").asString()).isEqualTo("huge");
        assertThat(skipped.get("reasons").toString()).contains("assets/big.bin").containsPattern("10 ?MB|10485760|MiB");
        assertThat(cli.listed()).containsExactly("local/good");
        assertThat(cli.run("show", "local/huge").exitCode()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_symbolic_link_inside_a_skill_is_neither_followed_nor_stored(DbKind kind) throws IOException {
        Cli cli = cli(kind);
        SkillTree tree = goodTree();
        Files.createSymbolicLink(tree.root().resolve("good/passwd"), Path.of("/etc/passwd"));

        CliRun.Result pushed = cli.run("push", tree.root().toString());

        assertThat(pushed.exitCode()).as(pushed.toString()).isZero();
        assertThat(pushed.err()).contains("passwd");
        JsonNode shown = cli.json("show", "--files", "local/good");
        assertThat(shown.get("files").toString()).contains("SKILL.md").doesNotContain("passwd");
        assertThat(shown.get("version").get("fileCount").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void an_invalid_namespace_is_a_usage_error(DbKind kind) {
        Cli cli = cli(kind);

        CliRun.Result pushed = cli.run("push", "--namespace", "Bad_NS", goodTree().root().toString());

        assertThat(pushed.exitCode()).as(pushed.toString()).isEqualTo(2);
        assertThat(pushed.err()).contains("--namespace", "Bad_NS");
        assertThat(cli.listed()).isEmpty();
    }
}
