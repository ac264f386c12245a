package dev.skillbase.skill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.skill.ValidationResult.Status;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
    private static final Validator STRICT = new Validator(ValidationMode.STRICT, BundleLimits.DEFAULT);
    private static final Validator LENIENT = new Validator(ValidationMode.LENIENT, BundleLimits.DEFAULT);

    @TempDir
    Path tmp;

    private Path skill(String folder, String yaml) {
        return TestSkills.write(tmp, folder, "---\n" + yaml + "---\n# Body\n");
    }

    @Test
    void accepts_a_skill_that_follows_the_spec_in_both_modes() {
        Path dir = TestSkills.fixture("pdf-tools");
        for (Validator validator : new Validator[] {STRICT, LENIENT}) {
            ValidationResult result = validator.validate(dir);
            assertThat(result.status()).isEqualTo(Status.VALID);
            assertThat(result.problems()).isEmpty();
            assertThat(result.name()).contains("pdf-tools");
            assertThat(result.path()).isEqualTo(dir);
            assertThat(result.document().orElseThrow().frontmatter().metadata()).containsEntry("version", "1.0");
            assertThat(result.bundle().orElseThrow().files()).extracting(BundleFile::path).containsExactly("SKILL.md");
        }
    }

    @Test
    void strict_reports_every_problem_at_once() {
        ValidationResult result = STRICT.validate(TestSkills.fixture("loose-skill"));
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.problems()).extracting(Problem::code).containsExactly(
                "name-invalid-chars", "name-folder-mismatch", "metadata-value-not-string",
                "metadata-value-not-string", "allowed-tools-not-string", "unknown-key", "unknown-key");
        assertThat(result.problems()).extracting(Problem::field)
                .contains("metadata.tags", "metadata.nested", "version", "disable-model-invocation")
                .doesNotContain("metadata.updated");
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.ERROR));
        assertThat(result.name()).contains("Loose_Skill");
    }

    @Test
    void lenient_turns_the_same_rules_into_warnings() {
        ValidationResult result = LENIENT.validate(TestSkills.fixture("loose-skill"));
        assertThat(result.status()).isEqualTo(Status.VALID);
        assertThat(result.problems()).hasSize(7).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        assertThat(result.document()).isPresent();
    }

    @Test
    void missing_frontmatter_is_invalid_in_strict_and_skipped_in_lenient() {
        Path dir = TestSkills.fixture("no-frontmatter");
        ValidationResult strict = STRICT.validate(dir);
        assertThat(strict.status()).isEqualTo(Status.INVALID);
        assertThat(strict.problems()).extracting(Problem::code).containsExactly("missing-frontmatter");
        ValidationResult lenient = LENIENT.validate(dir);
        assertThat(lenient.status()).isEqualTo(Status.SKIPPED);
        assertThat(lenient.problems()).extracting(Problem::code).containsExactly("missing-frontmatter");
        assertThat(lenient.document()).isEmpty();
        assertThat(lenient.bundle()).isEmpty();
        assertThat(lenient.name()).isEmpty();
    }

    @Test
    void unparseable_yaml_is_skipped_in_lenient() {
        Path dir = skill("broken", "name: broken\ndescription: Use when: asked\n");
        assertThat(LENIENT.validate(dir).status()).isEqualTo(Status.SKIPPED);
        assertThat(LENIENT.validate(dir).problems()).extracting(Problem::code).containsExactly("yaml-syntax");
        assertThat(STRICT.validate(dir).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void missing_or_empty_description_is_an_error_in_both_modes() {
        for (String yaml : new String[] {"name: quiet\n", "name: quiet\ndescription: \"\"\n", "name: quiet\ndescription: [a]\n"}) {
            Path dir = skill("quiet", yaml);
            assertThat(STRICT.validate(dir).status()).isEqualTo(Status.INVALID);
            ValidationResult lenient = LENIENT.validate(dir);
            assertThat(lenient.status()).as(yaml).isEqualTo(Status.SKIPPED);
            assertThat(lenient.problems()).extracting(Problem::code).containsExactly("description-missing");
        }
    }

    @Test
    void missing_name_falls_back_to_the_folder_in_lenient() {
        Path dir = skill("nameless", "description: Does things.\n");
        ValidationResult lenient = LENIENT.validate(dir);
        assertThat(lenient.status()).isEqualTo(Status.VALID);
        assertThat(lenient.name()).contains("nameless");
        assertThat(lenient.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("name-missing");
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("folder's name is used");
        });
        ValidationResult strict = STRICT.validate(dir);
        assertThat(strict.status()).isEqualTo(Status.INVALID);
        assertThat(strict.name()).isEmpty();
    }

    @Test
    void rejects_a_name_that_is_not_a_string() {
        assertThat(STRICT.validate(skill("flag", "name: true\ndescription: d\n")).problems())
                .extracting(Problem::code).containsExactly("name-not-string");
    }

    @Test
    void flags_name_folder_mismatch_and_format_rules() {
        ValidationResult result = STRICT.validate(skill("pdf", "name: pdf--tools\ndescription: d\n"));
        assertThat(result.problems()).extracting(Problem::code).containsExactly("name-hyphen", "name-folder-mismatch");
        assertThat(result.problems().get(1).message()).contains("\"pdf--tools\"").contains("\"pdf\"");
    }

    @Test
    void checks_field_lengths() {
        Path dir = skill("long", "name: long\ndescription: " + "d".repeat(1025) + "\ncompatibility: " + "c".repeat(501) + "\n");
        assertThat(STRICT.validate(dir).problems()).extracting(Problem::code)
                .containsExactly("description-too-long", "compatibility-length");
        assertThat(LENIENT.validate(dir).status()).isEqualTo(Status.VALID);
        Path ok = skill("edge", "name: edge\ndescription: " + "d".repeat(1024) + "\ncompatibility: " + "c".repeat(500) + "\n");
        assertThat(STRICT.validate(ok).problems()).isEmpty();
        assertThat(STRICT.validate(skill("empty", "name: empty\ndescription: d\ncompatibility: \"\"\n")).problems())
                .extracting(Problem::code).containsExactly("compatibility-length");
    }

    @Test
    void checks_field_types() {
        Path dir = skill("typed", "name: typed\ndescription: d\nlicense: [MIT]\ncompatibility: 3\n"
                + "metadata: plain\nallowed-tools: {a: b}\n");
        ValidationResult result = STRICT.validate(dir);
        // compatibility: 3 is kept as the string "3", which is allowed
        assertThat(result.problems()).extracting(Problem::code)
                .containsExactly("license-not-string", "metadata-not-map", "allowed-tools-not-string");
        assertThat(STRICT.validate(skill("typed2", "name: typed2\ndescription: d\ncompatibility: [a]\n")).problems())
                .extracting(Problem::code).containsExactly("compatibility-not-string");
    }

    @Test
    void numbers_in_metadata_stay_strings_and_pass() {
        Path dir = skill("versioned", "name: versioned\ndescription: d\nmetadata:\n  version: 2.0\n  build: 7\n");
        ValidationResult result = STRICT.validate(dir);
        assertThat(result.problems()).isEmpty();
        assertThat(result.document().orElseThrow().frontmatter().metadata()).containsEntry("version", "2.0");
    }

    @Test
    void lower_case_skill_md_is_an_error_in_strict_and_a_warning_in_lenient() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("lower"));
        TestSkills.writeFile(dir, "skill.md", "---\nname: lower\ndescription: d\n---\n");
        assertThat(STRICT.validate(dir).problems()).extracting(Problem::code).containsExactly("lowercase-skill-md");
        ValidationResult lenient = LENIENT.validate(dir);
        assertThat(lenient.status()).isEqualTo(Status.VALID);
        assertThat(lenient.problems()).extracting(Problem::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void a_folder_without_skill_md_is_reported() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Files.createSymbolicLink(dir.resolve("SKILL.md"), Path.of("/etc/hostname"));
        ValidationResult result = LENIENT.validate(dir);
        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.problems()).extracting(Problem::code).containsExactly("skill-md-missing", "symlink-skipped");
        assertThat(STRICT.validate(tmp.resolve("absent")).problems()).extracting(Problem::code)
                .containsExactly("bundle-unreadable", "skill-md-missing");
    }

    @Test
    void non_utf8_skill_md_is_reported() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("latin"));
        Files.write(dir.resolve("SKILL.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xE9, '\n', '-', '-', '-', '\n'});
        assertThat(STRICT.validate(dir).problems()).extracting(Problem::code).containsExactly("not-utf8");
    }

    @Test
    void bundle_limits_join_the_frontmatter_problems() throws IOException {
        Path dir = skill("heavy", "name: heavy\ndescription: d\nextra: x\n");
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("data.bin").toFile(), "rw")) {
            file.setLength(2_000);
        }
        Validator small = new Validator(ValidationMode.STRICT, new BundleLimits(10, 1_000_000, 1_000));
        ValidationResult result = small.validate(dir);
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.problems()).extracting(Problem::code).containsExactly("file-too-large", "unknown-key");
        assertThat(result.bundle()).isEmpty();
        assertThat(new Validator(ValidationMode.LENIENT, new BundleLimits(10, 1_000_000, 1_000)).validate(dir).status())
                .isEqualTo(Status.SKIPPED);
        Validator tiny = new Validator(ValidationMode.STRICT, new BundleLimits(10, 1_000_000, 10));
        assertThat(tiny.validate(dir).problems()).extracting(Problem::code)
                .containsExactly("file-too-large", "file-too-large", "skill-md-unreadable");
    }

    @Test
    void skipped_links_are_warnings_that_keep_a_skill_valid() throws IOException {
        Path dir = TestSkills.minimal(tmp, "linked");
        Files.createSymbolicLink(dir.resolve("passwd"), Path.of("/etc/passwd"));
        ValidationResult result = STRICT.validate(dir);
        assertThat(result.status()).isEqualTo(Status.VALID);
        assertThat(result.problems()).extracting(Problem::code).containsExactly("symlink-skipped");
    }

    @Test
    void validates_a_bundle_in_memory_with_the_same_rules_as_a_folder() {
        Bundle good = Bundle.of(List.of(new BundleFile("SKILL.md",
                "---\nname: pdf\ndescription: Does pdf things.\n---\n# Body\n".getBytes(StandardCharsets.UTF_8),
                false)), BundleLimits.DEFAULT);
        Bundle bad = Bundle.of(List.of(new BundleFile("SKILL.md",
                "---\nname: Other\nextra: 1\n---\n# Body\n".getBytes(StandardCharsets.UTF_8), false)),
                BundleLimits.DEFAULT);
        Bundle none = Bundle.of(List.of(new BundleFile("README.md", new byte[0], false)), BundleLimits.DEFAULT);

        assertThat(STRICT.validate("pdf", good).status()).isEqualTo(ValidationResult.Status.VALID);
        assertThat(STRICT.validate("other", good).problems()).extracting(Problem::code)
                .containsExactly("name-folder-mismatch");
        assertThat(STRICT.validate("other", bad).problems()).extracting(Problem::code)
                .contains("name-invalid-chars", "name-folder-mismatch", "description-missing", "unknown-key");
        assertThat(STRICT.validate("pdf", none).problems()).extracting(Problem::code).containsExactly("skill-md-missing");
    }
}
