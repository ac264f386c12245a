package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.SkillDocument;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.ValidationResult;
import dev.skillbase.skill.Validator;
import dev.skillbase.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path tmp;

    private static ValidationResult strict(Path dir) {
        return new Validator(ValidationMode.STRICT, BundleLimits.DEFAULT).validate(dir);
    }

    @Test
    void creates_a_skill_that_passes_strict_validation() throws Exception {
        CliRun.Result result = CliRun.run("init", "pdf-tools", "--dir", tmp.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path dir = tmp.resolve("pdf-tools");
        assertThat(result.out()).contains("created " + dir.resolve("SKILL.md"));
        ValidationResult verdict = strict(dir);
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.status()).isEqualTo(ValidationResult.Status.VALID);
        SkillDocument doc = verdict.document().orElseThrow();
        assertThat(doc.frontmatter().metadata()).containsEntry("version", "0.1.0");
        assertThat(doc.title()).contains("Pdf Tools");
        assertThat(Files.readString(dir.resolve("SKILL.md"))).contains("version: \"0.1.0\"").contains("## Instructions");
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("SKILL.md");
        }
        assertThat(CliRun.run("validate", dir.toString()).exitCode()).isZero();
    }

    @Test
    void writes_the_description_given_quoted_safely() throws Exception {
        String description = "Reads PDFs: use when asked about \"files\" # not a comment";
        assertThat(CliRun.run("init", "true", "--dir", tmp.toString(), "--description", description).exitCode()).isZero();
        ValidationResult verdict = strict(tmp.resolve("true"));
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.document().orElseThrow().frontmatter().description()).contains(description);
        assertThat(verdict.name()).contains("true");
    }

    @Test
    void rejects_an_invalid_name_with_the_rules() {
        CliRun.Result result = CliRun.run("init", "Bad--Name", "--dir", tmp.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid skill name \"Bad--Name\"").contains("1-64 characters");
        assertThat(tmp.resolve("Bad--Name")).doesNotExist();
    }

    @Test
    void rejects_an_empty_description() {
        assertThat(CliRun.run("init", "x", "--dir", tmp.toString(), "--description", " ").exitCode()).isEqualTo(2);
    }

    @Test
    void refuses_an_existing_folder_unless_forced() throws Exception {
        Files.createDirectories(tmp.resolve("pdf/scripts"));
        CliRun.Result refused = CliRun.run("init", "pdf", "--dir", tmp.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("already exists").contains("--force");
        assertThat(CliRun.run("init", "pdf", "--dir", tmp.toString(), "--force").exitCode()).isZero();
        assertThat(tmp.resolve("pdf/SKILL.md")).exists();
    }

    @Test
    void never_overwrites_an_existing_skill_md() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("pdf")).resolve("SKILL.md");
        Files.writeString(file, "mine");
        CliRun.Result result = CliRun.run("init", "pdf", "--dir", tmp.toString(), "--force");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("never overwrites");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void a_folder_that_cannot_be_created_is_an_environment_error() throws Exception {
        Files.writeString(tmp.resolve("file"), "x");
        CliRun.Result result = CliRun.run("init", "pdf", "--dir", tmp.resolve("file").toString());
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("cannot write");
    }

    @Test
    void help_lists_the_options() {
        CliRun.Result result = CliRun.run("init", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--dir").contains("--description").contains("--force");
    }
}
