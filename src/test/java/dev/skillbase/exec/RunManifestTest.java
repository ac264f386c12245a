package dev.skillbase.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.skill.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RunManifestTest {
    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_command_schemas_and_limits_with_defaults_for_the_limits_left_out() {
        RunManifest manifest = RunManifest.parse("t/x@1.0.0", json("""
                {"command": ["scripts/run.sh", "--fast"], "input": {"type": "object"}, "output": true,
                 "timeout_seconds": 5}"""), Set.of("SKILL.md", "scripts/run.sh"));

        assertThat(manifest.command()).containsExactly("scripts/run.sh", "--fast");
        assertThat(manifest.entryInBundle()).isTrue();
        assertThat(manifest.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(manifest.memoryBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(manifest.maxOutputBytes()).isEqualTo(1024L * 1024);
        assertThat(manifest.maxProcesses()).isEqualTo(64);
        var mapper = JsonMapper.builder().build();
        assertThat(JsonSchemas.errors(manifest.input(), mapper.readTree("{}"))).isEmpty();
        assertThat(JsonSchemas.errors(manifest.input(), mapper.readTree("[1]"))).hasSize(1);
    }

    @Test
    void reports_every_problem_at_once_naming_each_field() {
        assertThatThrownBy(() -> RunManifest.parse("t/x@1.0.0", json("""
                {"command": ["bin/missing"], "input": {"type": "no-such-type"}, "timeout_seconds": 0,
                 "memory_mb": "lots", "extra": 1}"""), Set.of("SKILL.md")))
                .isInstanceOfSatisfying(InvalidRunManifestException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field)
                        .containsOnly("extra", "command", "input", "output", "timeout_seconds",
                                "memory_mb"))
                .hasMessageContaining("skill.run.json is not valid");
    }

    @Test
    void rejects_a_manifest_that_is_not_json_or_not_an_object() {
        assertThatThrownBy(() -> RunManifest.parse("t/x@1.0.0", json("{nope"), Set.of()))
                .isInstanceOf(InvalidRunManifestException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> RunManifest.parse("t/x@1.0.0", json("[]"), Set.of()))
                .isInstanceOf(InvalidRunManifestException.class).hasMessageContaining("JSON object");
    }

    @Test
    void rejects_a_program_that_is_neither_a_name_nor_a_bundle_path() {
        assertThatThrownBy(() -> RunManifest.parse("t/x@1.0.0", json("""
                {"command": ["rm -rf"], "input": true, "output": true}"""), Set.of()))
                .isInstanceOf(InvalidRunManifestException.class).hasMessageContaining("neither a program name");
    }

    @Test
    void never_fetches_a_remote_schema() {
        assertThatThrownBy(() -> RunManifest.parse("t/x@1.0.0", json("""
                {"command": ["true"], "input": {"$ref": "http://127.0.0.1:9/schema.json"}, "output": true}"""),
                Set.of()))
                .isInstanceOf(InvalidRunManifestException.class);
    }
}
