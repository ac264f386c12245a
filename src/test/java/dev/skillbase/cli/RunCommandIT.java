package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code skillbase run} end to end over an SQLite file, with the example skill of the README (word-count). */
class RunCommandIT {
    @TempDir
    Path work;

    private String db;

    @BeforeEach
    void publish() {
        db = TestDatabases.freshSqlite().toString();
        try (LocalRegistry registry = LocalRegistry.open(db)) {
            registry.publish(TestRequests.of(TestRequests.fixture("word-count"), "local", "1.0.0", "text/analysis",
                    List.of("text")));
        }
    }

    @Test
    void runs_the_skill_in_the_sandbox_and_prints_its_output() {
        CliRun.Result result = CliRun.run("run", "local/word-count", "--input", "{\"text\": \"one two\\nthree\"}",
                "--db", db);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("\"words\": 3").contains("\"lines\": 2");
        CliRun.Result shown = CliRun.run("show", "local/word-count", "--db", db);
        assertThat(shown.out()).containsPattern("runs +1 \\(100% succeeded\\)");
        CliRun.Result json = CliRun.run("show", "local/word-count", "--json", "--db", db);
        assertThat(json.out()).contains("\"executions\" : 1").contains("\"executionsSucceeded\" : 1");
    }

    @Test
    void prints_the_recorded_run_with_json_and_reads_the_input_from_a_file() throws IOException {
        Path input = Files.writeString(work.resolve("input.json"), "{\"text\": \"a b c d\"}");

        CliRun.Result result = CliRun.run("run", "local/word-count@1.0.0", "--input-file", input.toString(), "--json",
                "--db", db);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode run = JsonMapper.builder().build().readTree(result.out());
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("outputs").get("words").asInt()).isEqualTo(4);
        assertThat(run.get("sandboxed").asBoolean()).isTrue();
        try (LocalRegistry registry = LocalRegistry.open(db)) {
            assertThat(registry.executions().list(new SkillRef("local", "word-count"), Optional.empty(), 10, 0)
                    .items()).extracting(e -> e.id().toString()).containsExactly(run.get("id").asString());
        }
    }

    @Test
    void input_that_does_not_fit_the_schema_exits_1_naming_what_is_wrong() {
        CliRun.Result result = CliRun.run("run", "local/word-count", "--input", "{\"txt\": \"x\"}", "--db", db);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("invalid_input").contains("text");
    }

    @Test
    void a_skill_without_a_run_manifest_or_an_unknown_one_exits_1() {
        try (LocalRegistry registry = LocalRegistry.open(db)) {
            registry.publish(TestRequests.of(TestRequests.fixture("pdf-tools"), "local", "1.0.0", "documents/pdf",
                    List.of("pdf")));
        }

        CliRun.Result plain = CliRun.run("run", "local/pdf-tools", "--input", "{}", "--db", db);
        CliRun.Result missing = CliRun.run("run", "local/nope", "--input", "{}", "--db", db);

        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(1);
        assertThat(plain.err()).contains("skill.run.json");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
    }

    @Test
    void needs_exactly_one_input_option() {
        assertThat(CliRun.run("run", "local/word-count", "--db", db).exitCode()).isEqualTo(2);
        assertThat(CliRun.run("run", "local/word-count", "--input", "{}", "--input-file", "x", "--db", db)
                .exitCode()).isEqualTo(2);
    }
}
