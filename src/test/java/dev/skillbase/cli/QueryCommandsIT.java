package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** {@code list}, {@code show}, {@code search} and {@code stats} end to end on both databases. */
class QueryCommandsIT {

    @TempDir
    Path tmp;

    /** Three skills pushed into a fresh database: two under development/, one under writing/. */
    private Cli pushed(DbKind kind) {
        Cli cli = new Cli(TestDatabases.freshUrl(kind));
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        tree.skillMd("development/python/python-style", """
                ---
                name: python-style
                description: Formats Python code the way the team likes it
                metadata:
                  tags: [python, style]
                ---
                # Python style

                Run the formatter on every changed file.
                """);
        tree.skill("development/java/java-style", "java-style", "Formats Java code");
        tree.skillMd("writing/release-notes", """
                ---
                name: release-notes
                description: Writes release notes from the git log
                metadata:
                  tags: docs
                ---
                # Release notes

                Summarise the changes since the last tag, including python-style fixes.
                """);
        cli.json("push", tree.root().toString());
        return cli;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void list_prints_aligned_columns_and_a_footer(DbKind kind) {
        CliRun.Result listed = pushed(kind).run("list");

        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        String[] lines = listed.out().split("\n");
        assertThat(lines[0]).startsWith("SKILL").contains("VERSION", "UPDATED", "DESCRIPTION");
        assertThat(lines[1]).startsWith("local/java-style").contains("0.1.0", "Formats Java code");
        assertThat(lines[1].indexOf("0.1.0")).isEqualTo(lines[0].indexOf("VERSION"));
        assertThat(listed.out()).contains("skills 1-3 of 3");
        assertThat(listed.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void list_filters_by_category_tag_and_namespace(DbKind kind) {
        Cli cli = pushed(kind);

        assertThat(names(cli.json("list", "--category", "development"))).containsExactly("java-style", "python-style");
        assertThat(names(cli.json("list", "--tag", "python"))).containsExactly("python-style");
        assertThat(names(cli.json("list", "--namespace", "other"))).isEmpty();
        assertThat(names(cli.json("list", "--status", "active", "--namespace", "local"))).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void list_pages_with_limit_and_offset(DbKind kind) {
        JsonNode page = pushed(kind).json("list", "--limit", "1", "--offset", "1");

        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("limit").asInt()).isEqualTo(1);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(names(page)).containsExactly("python-style");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void list_sorts_by_creation_newest_first(DbKind kind) {
        Cli cli = pushed(kind);
        SkillTree later = new SkillTree(tmp.resolve("later"));
        later.skill("zzz-newest", "zzz-newest", "Created last");
        cli.json("push", later.root().toString());

        assertThat(names(cli.json("list", "--sort", "created")).getFirst()).isEqualTo("zzz-newest");
        assertThat(names(cli.json("list", "--sort", "updated")).getFirst()).isEqualTo("zzz-newest");
        assertThat(names(cli.json("list", "--sort", "name"))).first().isEqualTo("java-style");
        assertThat(names(cli.json("list", "--sort", "name"))).last().isEqualTo("zzz-newest");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void list_json_has_iso_dates_and_nulls_not_optionals(DbKind kind) {
        JsonNode item = pushed(kind).json("list").get("items").get(0);

        assertThat(item.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(item.get("latestVersion").asString()).isEqualTo("0.1.0");
        assertThat(item.toString()).doesNotContain("\"present\"", "\"empty\"");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bad_list_options_are_usage_errors_naming_the_option(DbKind kind) {
        Cli cli = pushed(kind);
        String[][] cases = {
            {"--limit", "0"}, {"--limit", "101"}, {"--offset", "-1"}, {"--offset", "10001"}, {"--limit", "many"},
            {"--sort", "popularity"}, {"--status", "gone"}
        };
        for (String[] bad : cases) {
            CliRun.Result listed = cli.run("list", bad[0], bad[1]);
            assertThat(listed.exitCode()).as(listed.toString()).isEqualTo(2);
            assertThat(listed.err()).as(listed.toString()).contains(bad[0]);
            assertThat(listed.out()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void show_prints_the_skill_its_latest_version_and_counters(DbKind kind) {
        CliRun.Result shown = pushed(kind).run("show", "local/python-style");

        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("local/python-style", "Formats Python code", "development/python/python-style",
                "python, style", "installs", "0.1.0 (latest)", "sha256:");
        assertThat(shown.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void show_files_lists_path_size_digest_and_executable_bit(DbKind kind) {
        Cli cli = pushed(kind);

        CliRun.Result shown = cli.run("show", "--files", "local/java-style@0.1.0");

        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("PATH", "SIZE", "EXEC", "DIGEST").containsPattern("SKILL\\.md +\\d+ +- +sha256:");
        JsonNode file = cli.json("show", "--files", "local/java-style").get("files").get(0);
        assertThat(file.get("path").asString()).isEqualTo("SKILL.md");
        assertThat(file.get("size").asLong()).isPositive();
        assertThat(file.get("digest").asString()).startsWith("sha256:");
        assertThat(file.get("executable").asBoolean()).isFalse();
        assertThat(cli.json("show", "local/java-style").get("files").isNull()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void show_of_a_missing_skill_or_version_fails_with_exit_code_1(DbKind kind) {
        Cli cli = pushed(kind);

        CliRun.Result noSkill = cli.run("show", "local/nope");
        CliRun.Result noVersion = cli.run("show", "local/java-style@9.9.9");

        assertThat(noSkill.exitCode()).as(noSkill.toString()).isEqualTo(1);
        assertThat(noSkill.err()).contains("no skill local/nope");
        assertThat(noVersion.exitCode()).as(noVersion.toString()).isEqualTo(1);
        assertThat(noVersion.err()).contains("has no version 9.9.9", "0.1.0");
        assertThat(noSkill.out()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void show_of_a_malformed_reference_is_a_usage_error(DbKind kind) {
        CliRun.Result shown = pushed(kind).run("show", "just-a-name");

        assertThat(shown.exitCode()).as(shown.toString()).isEqualTo(2);
        assertThat(shown.err()).contains("'just-a-name' is not a skill reference", "NAMESPACE/NAME");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void search_ranks_the_exact_name_first(DbKind kind) {
        Cli cli = pushed(kind);

        JsonNode hits = cli.json("search", "python-style");
        CliRun.Result text = cli.run("search", "python-style");

        assertThat(hits.get("items").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(hits.get("items").get(0).get("skill").get("name").asString()).isEqualTo("python-style");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out().split("\n")[1]).startsWith("1").contains("local/python-style", "0.1.0", "Formats Python");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void search_applies_the_filters(DbKind kind) {
        Cli cli = pushed(kind);

        assertThat(cli.json("search", "formats", "--category", "development/java").get("items").size()).isEqualTo(1);
        assertThat(cli.json("search", "zyxwvutsrq").get("total").asLong()).isZero();
        CliRun.Result bad = cli.run("search", "formats", "--limit", "500");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--limit");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void stats_counts_what_was_pushed(DbKind kind) {
        Cli cli = pushed(kind);

        JsonNode stats = cli.json("stats");
        CliRun.Result text = cli.run("stats");

        assertThat(stats.get("skills").asLong()).isEqualTo(3);
        assertThat(stats.get("versions").asLong()).isEqualTo(3);
        assertThat(stats.get("namespaces").asLong()).isEqualTo(1);
        assertThat(stats.get("tags").asLong()).isEqualTo(3);
        assertThat(stats.get("categories").asLong()).isEqualTo(3);
        assertThat(stats.get("blobs").asLong()).as("one blob per distinct file at least").isGreaterThanOrEqualTo(3);
        assertThat(stats.get("blobBytes").asLong()).isPositive();
        assertThat(stats.get("installs").asLong()).isZero();
        assertThat(text.out()).containsPattern("skills +3").containsPattern("blobs +\\d+ \\(\\d");
    }

    private static java.util.List<String> names(JsonNode page) {
        java.util.List<String> names = new java.util.ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }
}
