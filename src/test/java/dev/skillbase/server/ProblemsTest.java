package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionConflictException;
import dev.skillbase.skill.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class ProblemsTest {

    @Test
    void malformed_json_is_a_400_naming_the_parse_error() {
        JacksonException failure = null;
        try {
            Json.MAPPER.readTree("{\"a\":");
        } catch (JacksonException e) {
            failure = e;
        }

        Problems.Mapped mapped = Problems.of(failure);

        assertThat(mapped.status()).isEqualTo(400);
        assertThat(mapped.slug()).isEqualTo("malformed-json");
        assertThat(mapped.detail()).startsWith("the request body is not valid JSON");
    }

    @Test
    void client_mistakes_are_4xx_and_only_real_faults_500() {
        assertThat(Problems.of(new VersionConflictException(new SkillRef("a", "b"), "1.0.0", "x", "y")).status())
                .isEqualTo(409);
        assertThat(Problems.of(new SkillInvalidException("bad", List.of(Problem.error("name", "c", "m")))).errors())
                .containsExactly(new FieldError("name", "c", "m"));
        Problems.Mapped fault = Problems.of(new IllegalStateException("secret internals"));
        assertThat(fault.status()).isEqualTo(500);
        assertThat(fault.serverFault()).isTrue();
        assertThat(fault.detail()).doesNotContain("secret");
    }

    @Test
    void a_problem_without_field_errors_leaves_errors_out() {
        JsonNode json = Json.MAPPER.valueToTree(Problems.of(new SkillNotFoundException(new SkillRef("a", "b")))
                .toProblem("/x", "id-1"));

        assertThat(json.has("errors")).isFalse();
        assertThat(json.get("request_id").asString()).isEqualTo("id-1");
        assertThat(json.get("type").asString()).isEqualTo("urn:skillbase:problem:skill-not-found");
    }
}
