package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.skill.TestSkills;
import dev.skillbase.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private static List<Map<String, Object>> json(String out) {
        return JSON.readValue(out, new TypeReference<>() {});
    }

    @Test
    void valid_skill_exits_0_with_one_line_and_a_summary() {
        Path dir = TestSkills.fixture("pdf-tools");
        CliRun.Result result = CliRun.run("validate", dir.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("valid    " + dir + "  pdf-tools\n");
        assertThat(result.err()).isEqualTo("1 skill: 1 valid, 0 invalid, 0 skipped\n");
    }

    @Test
    void strict_is_the_default_and_lists_problems_indented() {
        CliRun.Result result = CliRun.run("validate", TestSkills.fixture("loose-skill").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("invalid ").contains("  Loose_Skill\n")
                .contains("\n  error    unknown-key  version: key \"version\" is not one of the spec's keys");
        assertThat(result.err()).contains("0 valid, 1 invalid, 0 skipped");
    }

    @Test
    void lenient_warns_and_exits_0() {
        CliRun.Result result = CliRun.run("validate", "--lenient", TestSkills.fixture("loose-skill").toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("valid ").contains("  warning  unknown-key");
    }

    @Test
    void json_reports_each_skill_relative_to_the_root() throws Exception {
        TestSkills.minimal(tmp.resolve("skills"), "good");
        TestSkills.write(tmp.resolve("skills"), "bad", "# no frontmatter\n");
        CliRun.Result result = CliRun.run("validate", "--lenient", "--json", tmp.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        List<Map<String, Object>> reports = json(result.out());
        assertThat(reports).extracting(r -> r.get("path")).containsExactly("skills/bad", "skills/good");
        assertThat(reports.get(0)).containsEntry("status", "skipped").containsEntry("name", null);
        assertThat(reports.get(0).get("problems")).isEqualTo(List.of(Map.of("field", "frontmatter",
                "code", "missing-frontmatter", "severity", "error",
                "message", "SKILL.md has no frontmatter: its first line must be --- followed by YAML (name, "
                        + "description) and a closing --- line")));
        assertThat(reports.get(1)).containsEntry("status", "valid").containsEntry("name", "good")
                .containsEntry("problems", List.of());
        assertThat(result.err()).isEqualTo("2 skills: 1 valid, 0 invalid, 1 skipped\n");
    }

    @Test
    void bundle_limit_options_apply() {
        Path dir = TestSkills.minimal(tmp, "small");
        CliRun.Result result = CliRun.run("validate", "--max-file-bytes", "10", "--max-bytes", "1000",
                "--max-files", "5", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("file-too-large");
        assertThat(CliRun.run("validate", "--max-files", "0", dir.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void both_modes_at_once_is_a_usage_error() {
        CliRun.Result result = CliRun.run("validate", "--strict", "--lenient", tmp.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive");
    }

    @Test
    void a_missing_path_is_a_usage_error_naming_it() {
        CliRun.Result result = CliRun.run("validate", tmp.resolve("nowhere").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nowhere");
    }

    @Test
    void a_folder_without_skills_exits_1_with_a_clear_error() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        CliRun.Result result = CliRun.run("validate", tmp.resolve("empty").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no skill found in").contains("SKILL.md");
    }

    @Test
    void help_says_strict_is_the_default() {
        CliRun.Result result = CliRun.run("validate", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--strict").contains("--lenient").contains("Strict (the default)")
                .contains("--json").contains("--max-file-bytes");
    }
}
