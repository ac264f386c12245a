package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** Checks that a response is an RFC 9457 problem with the given status, and returns its body. */
final class ProblemAssert {
    private ProblemAssert() {
    }

    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = TestServer.json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asString()).startsWith("urn:skillbase:problem:");
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(body.get("instance").asString()).isEqualTo(response.uri().getRawPath());
        assertThat(body.get("request_id").asString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return body;
    }

    /** The {@code field} of each entry of {@code errors}. */
    static java.util.List<String> fields(JsonNode problem) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    static java.util.List<String> codes(JsonNode problem) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> codes.add(e.get("code").asString()));
        return codes;
    }
}
