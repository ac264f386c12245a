package dev.skillbase.skill;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.skill.ValidationResult.Status;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real-world corpus as yardstick: every one of its 765 skills is reported, none crashes, and the counts match
 * the corpus survey ({@code STATS.md}, made with PyYAML). Where they differ, the reason is written next to the count:
 * <ul>
 *   <li>name differs from its folder: 59 here, 58 in STATS. STATS compares a SKILL.md at a repository root with the
 *       repository's name; the validator compares with the folder it is in, and the corpus stores root skills in
 *       {@code <owner>__<repo>} folders. {@code antonbabenko__terraform-skill} (name {@code terraform-skill}) is the
 *       one root skill whose name equals its repository, so it is the extra mismatch here.</li>
 *   <li>metadata values that are not strings: 6 skills here, 17 in STATS. 11 of PyYAML's 17 are
 *       {@code updated: 2026-03-05}: YAML 1.1 (PyYAML) resolves that to a date, YAML 1.2's core schema
 *       (snakeyaml-engine) has no timestamp type and keeps it as a string. The 6 left are real lists, maps and
 *       nulls.</li>
 * </ul>
 */
class CorpusValidationIT {
    private static final Set<String> MALFORMED_YAML = Set.of(
            "neo4j-contrib__neo4j-skills/neo4j-driver-javascript-skill",
            "neo4j-contrib__neo4j-skills/neo4j-migration-skill",
            "neo4j-contrib__neo4j-skills/neo4j-spring-data-skill",
            "firecrawl__skills/skills/firecrawl-build");

    private static Path skills;
    private static Map<String, ValidationResult> strict;
    private static Map<String, ValidationResult> lenient;
    private static Map<String, String[]> manifest;

    @BeforeAll
    static void validateTheCorpus() throws IOException {
        skills = Corpus.skills();
        List<Path> found = SkillScanner.find(skills);
        strict = validateAll(found, ValidationMode.STRICT);
        lenient = validateAll(found, ValidationMode.LENIENT);
        try (var lines = Files.lines(Corpus.root().resolve("MANIFEST.tsv"))) {
            manifest = lines.skip(1).map(line -> line.split("\t"))
                    .collect(Collectors.toMap(row -> row[0], Function.identity()));
        }
    }

    private static Map<String, ValidationResult> validateAll(List<Path> dirs, ValidationMode mode) {
        Validator validator = new Validator(mode, BundleLimits.DEFAULT);
        return dirs.stream().collect(Collectors.toMap(
                dir -> skills.relativize(dir).toString(), validator::validate, (a, b) -> a, java.util.TreeMap::new));
    }

    private static Set<String> withCode(Map<String, ValidationResult> results, String code) {
        return results.entrySet().stream()
                .filter(e -> e.getValue().problems().stream().anyMatch(p -> p.code().equals(code)))
                .map(Map.Entry::getKey)
                .collect(toSet());
    }

    private static long count(Map<String, ValidationResult> results, Status status) {
        return results.values().stream().filter(r -> r.status() == status).count();
    }

    @Test
    void finds_every_skill_of_the_manifest() {
        assertThat(lenient).hasSize(765);
        assertThat(lenient.keySet()).isEqualTo(manifest.keySet());
    }

    @Test
    void lenient_reads_732_skills_and_skips_33_with_a_reason() {
        assertThat(count(lenient, Status.VALID)).isEqualTo(732);
        assertThat(count(lenient, Status.SKIPPED)).isEqualTo(33);
        assertThat(withCode(lenient, "missing-frontmatter")).hasSize(29);
        assertThat(withCode(lenient, "yaml-syntax")).isEqualTo(MALFORMED_YAML);
        lenient.forEach((path, result) -> assertThat(result.status() == Status.VALID)
                .as(path).isEqualTo("yes".equals(manifest.get(path)[5])));
        lenient.values().stream().filter(r -> r.status() == Status.SKIPPED)
                .forEach(r -> assertThat(r.problems()).as(r.path().toString())
                        .anySatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.ERROR)));
    }

    @Test
    void lenient_names_every_readable_skill() {
        lenient.values().stream().filter(r -> r.status() == Status.VALID)
                .forEach(r -> assertThat(r.name()).as(r.path().toString()).isPresent());
    }

    @Test
    void strict_flags_names_that_break_the_spec() {
        assertThat(withCode(strict, "name-invalid-chars")).hasSize(13);
        Set<String> mismatch = withCode(strict, "name-folder-mismatch");
        // 58 in STATS plus the repository-root skill stored under its owner__repo folder (see class comment)
        assertThat(mismatch).hasSize(59).contains("antonbabenko__terraform-skill");
        Set<String> manifestMismatch = manifest.values().stream()
                .filter(row -> "yes".equals(row[5]) && "no".equals(row[6])).map(row -> row[0]).collect(toSet());
        assertThat(manifestMismatch).hasSize(58);
        assertThat(mismatch).containsAll(manifestMismatch);
        assertThat(withCode(strict, "name-invalid-chars")).isSubsetOf(mismatch);
    }

    @Test
    void strict_flags_every_unknown_key_and_type_problem() {
        assertThat(withCode(strict, "unknown-key")).hasSize(148);
        assertThat(withCode(strict, "allowed-tools-not-string")).hasSize(28);
        assertThat(withCode(strict, "description-too-long")).hasSize(1);
        // 17 in STATS: PyYAML reads 11 "updated: 2026-03-05" as dates (see class comment)
        assertThat(withCode(strict, "metadata-value-not-string")).hasSize(6);
        assertThat(withCode(strict, "compatibility-length")).isEmpty();
        assertThat(count(strict, Status.VALID)).isEqualTo(523);
        assertThat(count(strict, Status.INVALID)).isEqualTo(242);
        assertThat(count(strict, Status.SKIPPED)).isZero();
    }

    @Test
    void every_bundle_of_the_corpus_has_stable_digests() {
        lenient.values().stream().flatMap(r -> r.bundle().stream()).limit(50).forEach(bundle -> {
            assertThat(bundle.contentDigest()).startsWith("sha256:");
            assertThat(bundle.archiveDigest()).isEqualTo(bundle.archiveDigest());
            assertThat(bundle.skipped()).isEmpty();
        });
    }

    @Test
    void the_cli_reports_the_same_in_json() {
        CliRun.Result result = CliRun.run("validate", "--lenient", "--json", skills.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("765 skills: 732 valid, 0 invalid, 33 skipped\n");
        List<Map<String, Object>> reports = JsonMapper.builder().build().readValue(result.out(), new TypeReference<>() {});
        assertThat(reports).hasSize(765);
        assertThat(reports).extracting(r -> (String) r.get("path")).containsExactlyElementsOf(lenient.keySet());
        assertThat(reports).allSatisfy(r -> assertThat(r).containsOnlyKeys("path", "name", "status", "problems"));
        assertThat(reports.stream().filter(r -> r.get("status").equals("skipped"))).hasSize(33)
                .allSatisfy(r -> assertThat(r.get("name")).isNull());
        assertThat(reports.stream().filter(r -> r.get("status").equals("valid"))).hasSize(732)
                .allSatisfy(r -> assertThat(r.get("name")).isNotNull());
        assertThat(reports.stream().flatMap(r -> ((List<?>) r.get("problems")).stream()))
                .allSatisfy(p -> assertThat(Set.<Object>copyOf(((Map<?, ?>) p).keySet()))
                        .isEqualTo(Set.of("field", "code", "severity", "message")));
    }

    @Test
    void the_cli_in_strict_mode_exits_1_with_a_summary() {
        CliRun.Result result = CliRun.run("validate", skills.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("765 skills: 523 valid, 242 invalid, 0 skipped\n");
        assertThat(result.out()).contains("invalid  antonbabenko__terraform-skill  terraform-skill\n");
    }
}
