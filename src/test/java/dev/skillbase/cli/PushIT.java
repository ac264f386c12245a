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

/** {@code skillbase push} end to end on both databases. */
class PushIT {

    @TempDir
    Path tmp;

    private SkillTree tree() {
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        tree.skill("development/languages/python", "python-style", "Formats Python code");
        tree.skill("writing/release-notes", "release-notes", "Writes release notes");
        return tree;
    }

    private static Cli cli(DbKind kind) {
        return new Cli(TestDatabases.freshUrl(kind));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pushes_every_skill_with_its_taxonomy_path(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = tree();

        CliRun.Result pushed = cli.run("push", tree.root().toString());

        assertThat(pushed.exitCode()).as(pushed.toString()).isZero();
        assertThat(pushed.out()).contains("added", "local/python-style", "0.1.0", "development/languages/python")
                .contains("2 skills into namespace local: 2 added, 0 updated, 0 unchanged, 0 skipped, 0 in conflict");
        assertThat(cli.listed()).containsExactly("local/python-style", "local/release-notes");
        JsonNode shown = cli.json("show", "local/python-style");
        assertThat(shown.get("taxonomyPath").asString()).isEqualTo("development/languages/python");
        assertThat(shown.get("version").get("version").asString()).isEqualTo("0.1.0");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pushing_again_without_changes_reports_everything_unchanged(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = tree();
        cli.json("push", tree.root().toString());

        JsonNode again = cli.json("push", tree.root().toString());

        assertThat(again.get("counts").get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("counts").get("added").asInt()).isZero();
        assertThat(again.get("counts").get("updated").asInt()).isZero();
        assertThat(cli.json("show", "local/python-style").get("versions").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_changed_skill_gets_the_next_patch_version(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = tree();
        cli.json("push", tree.root().toString());
        tree.append("writing/release-notes/SKILL.md", "x");

        JsonNode again = cli.json("push", tree.root().toString());

        assertThat(again.get("counts").get("updated").asInt()).isEqualTo(1);
        assertThat(again.get("counts").get("unchanged").asInt()).isEqualTo(1);
        JsonNode updated = outcome(again, "updated");
        assertThat(updated.get("name").asString()).isEqualTo("release-notes");
        assertThat(updated.get("version").asString()).isEqualTo("0.1.1");
        assertThat(updated.get("previousVersion").asString()).isEqualTo("0.1.0");
        assertThat(cli.json("show", "local/release-notes").get("versions").toString())
                .isEqualTo("[\"0.1.1\",\"0.1.0\"]");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_declared_metadata_version_is_used_while_it_is_higher_than_the_published_ones(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        String md = "---\nname: versioned\ndescription: Has a version\nmetadata:\n  version: \"2.0.0\"\n---\nbody\n";
        tree.skillMd("versioned", md);
        assertThat(outcome(cli.json("push", tree.root().toString()), "added").get("version").asString())
                .isEqualTo("2.0.0");

        tree.append("versioned/SKILL.md", "changed without a new declared version\n");
        assertThat(outcome(cli.json("push", tree.root().toString()), "updated").get("version").asString())
                .isEqualTo("2.0.1");

        tree.skillMd("versioned", md.replace("2.0.0", "3.0.0"));
        assertThat(outcome(cli.json("push", tree.root().toString()), "updated").get("version").asString())
                .isEqualTo("3.0.0");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void force_publishes_unchanged_skills_as_a_new_patch(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = tree();
        cli.json("push", tree.root().toString());

        JsonNode forced = cli.json("push", "--force", tree.root().toString());

        assertThat(forced.get("counts").get("updated").asInt()).isEqualTo(2);
        assertThat(outcome(forced, "updated").get("version").asString()).isEqualTo("0.1.1");
        assertThat(cli.json("show", "local/python-style").get("versionCount").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void force_records_a_moved_skill_under_its_new_taxonomy_path(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        tree.skill("old/place/mover", "mover", "Moves around");
        cli.json("push", tree.root().toString());
        SkillTree moved = new SkillTree(tmp.resolve("moved"));
        moved.skill("new/place/mover", "mover", "Moves around");

        JsonNode unchanged = cli.json("push", moved.root().toString());
        assertThat(unchanged.get("counts").get("unchanged").asInt()).isEqualTo(1);
        assertThat(outcome(unchanged, "unchanged").get("warnings").toString())
                .contains("still files local/mover under 'old/place/mover'", "--force");
        cli.json("push", "--force", moved.root().toString());

        assertThat(cli.json("show", "local/mover").get("taxonomyPath").asString()).isEqualTo("new/place/mover");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void skills_resolving_to_the_same_name_are_reported_and_none_is_pushed(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = tree();
        tree.skill("a/twin", "twin", "The first twin");
        tree.skill("b/twin", "twin", "The second twin");

        CliRun.Result pushed = cli.run("push", tree.root().toString());

        assertThat(pushed.exitCode()).as(pushed.toString()).isEqualTo(1);
        assertThat(pushed.out()).contains("local/twin is also the name of b/twin", "local/twin is also the name of a/twin");
        assertThat(cli.listed()).containsExactly("local/python-style", "local/release-notes");
        assertThat(cli.run("show", "local/twin").exitCode()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void an_invalid_frontmatter_name_falls_back_to_the_folder_name_with_a_warning(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        tree.skill("web/react-components", "stitch::react-components", "Builds React components");

        CliRun.Result pushed = cli.run("push", tree.root().toString());

        assertThat(pushed.exitCode()).as(pushed.toString()).isZero();
        assertThat(pushed.err()).contains("'stitch::react-components' is not a valid skill name",
                "using the folder name 'react-components'");
        assertThat(cli.listed()).containsExactly("local/react-components");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pushes_into_the_namespace_given(DbKind kind) {
        Cli cli = cli(kind);

        cli.json("push", "--namespace", "team", tree().root().toString());

        assertThat(cli.listed()).containsExactly("team/python-style", "team/release-notes");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_skill_folder_pushed_directly_gets_the_empty_taxonomy_path(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = tree();

        cli.json("push", tree.root().resolve("writing/release-notes").toString());

        assertThat(cli.json("show", "local/release-notes").get("taxonomyPath").asString()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_skill_md_file_pushed_directly_stands_for_its_folder(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = tree();

        cli.json("push", tree.root().resolve("writing/release-notes/SKILL.md").toString());

        assertThat(cli.listed()).containsExactly("local/release-notes");
        assertThat(cli.json("show", "local/release-notes").get("taxonomyPath").asString()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dry_run_reports_what_would_happen_and_writes_nothing(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = tree();
        cli.json("push", tree.root().toString());
        tree.append("writing/release-notes/SKILL.md", "x");
        tree.skill("new-one", "new-one", "A new skill");

        JsonNode dry = cli.json("push", "--dry-run", tree.root().toString());

        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(outcome(dry, "added").get("name").asString()).isEqualTo("new-one");
        assertThat(outcome(dry, "updated").get("version").asString()).isEqualTo("0.1.1");
        assertThat(dry.get("counts").get("unchanged").asInt()).isEqualTo(1);
        assertThat(cli.listed()).containsExactly("local/python-style", "local/release-notes");
        assertThat(cli.json("show", "local/release-notes").get("versions").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_push_interrupted_half_way_is_completed_by_pushing_again(DbKind kind) {
        Cli cli = cli(kind);
        SkillTree tree = tree();
        // what a killed push leaves behind: some skills committed (each in its own transaction), the rest not
        SkillTree half = new SkillTree(tmp.resolve("half"));
        half.skill("writing/release-notes", "release-notes", "Writes release notes");
        cli.json("push", half.root().toString());

        JsonNode full = cli.json("push", tree.root().toString());

        assertThat(full.get("counts").get("added").asInt()).isEqualTo(1);
        assertThat(full.get("counts").get("unchanged").asInt()).isEqualTo(1);
        assertThat(cli.json("push", tree.root().toString()).get("counts").get("unchanged").asInt()).isEqualTo(2);
        assertThat(cli.listed()).containsExactly("local/python-style", "local/release-notes");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void json_output_is_one_document_with_counts_and_every_skill(DbKind kind) {
        CliRun.Result pushed = cli(kind).run("push", "--json", tree().root().toString());

        assertThat(pushed.exitCode()).as(pushed.toString()).isZero();
        JsonNode report = Cli.parse(pushed.out());
        assertThat(report.get("namespace").asString()).isEqualTo("local");
        assertThat(report.get("skills").size()).isEqualTo(2);
        assertThat(report.get("skills").get(0).get("path").asString()).isEqualTo("development/languages/python");
        assertThat(report.get("skills").get(0).get("outcome").asString()).isEqualTo("added");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void export_to_db_is_an_alias_of_push(DbKind kind) {
        Cli cli = cli(kind);

        cli.json("export-to-db", tree().root().toString());

        assertThat(cli.listed()).hasSize(2);
    }

    static JsonNode outcome(JsonNode report, String outcome) {
        for (JsonNode skill : report.get("skills")) {
            if (skill.get("outcome").asString().equals(outcome)) {
                return skill;
            }
        }
        throw new AssertionError("no skill with outcome " + outcome + " in " + report);
    }
}
