package dev.skillbase.server;

import static dev.skillbase.server.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Health, readiness, request ids, framework-level refusals, CORS: what every route shares. */
class ServerEdgeIT {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void health_and_ready_answer_200_when_the_database_answers(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            HttpResponse<String> health = t.get("/health");
            HttpResponse<String> ready = t.get("/ready");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(health).get("status").asString()).isEqualTo("ok");
            assertThat(TestServer.json(health).get("analytics").get("dropped").asLong()).isZero();
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(ready).get("status").asString()).isEqualTo("ready");
        }
    }

    @Test
    void ready_is_503_once_the_database_is_gone_while_health_stays_200() throws SQLException {
        try (TestServer t = TestServer.start(DbKind.POSTGRESQL)) {
            assertThat(t.get("/ready").statusCode()).isEqualTo(200);
            String database = t.dbUrl.substring(t.dbUrl.lastIndexOf('/') + 1);
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:"
                    + TestDatabases.postgresPort() + "/postgres", TestDatabases.PG_USER, TestDatabases.PG_PASSWORD);
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }

            JsonNode body = problem(t.get("/ready"), 503);

            assertThat(body.get("type").asString()).endsWith(":not-ready");
            assertThat(t.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void echoes_a_valid_request_id_and_replaces_an_invalid_one() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            HttpResponse<String> given = t.get("/health", "X-Request-Id", "abc-123.x");
            HttpResponse<String> bad = t.get("/health", "X-Request-Id", "no spaces\tor tabs");
            HttpResponse<String> none = t.get("/health");

            assertThat(given.headers().firstValue("X-Request-Id")).contains("abc-123.x");
            assertThat(bad.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
            assertThat(none.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void unknown_route_is_a_404_problem_and_wrong_method_a_405_with_allow() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            JsonNode missing = problem(t.get("/api/v1/nothing-here"), 404);
            HttpResponse<String> delete = t.send(t.request("/api/v1/skills").DELETE().build());
            problem(delete, 405);

            assertThat(missing.get("type").asString()).endsWith(":route-not-found");
            assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(
                    allow -> assertThat(allow.split(", ")).containsExactlyInAnyOrder("GET", "HEAD", "POST"));
        }
    }

    @Test
    void cors_is_off_by_default_and_on_for_configured_origins() {
        try (TestServer off = TestServer.start(DbKind.SQLITE);
                TestServer on = TestServer.start(DbKind.SQLITE, s -> new ServerSettings(s.host(), s.port(),
                        s.database(), s.baseUrl(), List.of("https://app.example.com"), s.maxUploadBytes(),
                        s.allowAnonymousPublish(), s.shutdownTimeout()))) {
            HttpResponse<String> plain = off.get("/api/v1/stats", "Origin", "https://app.example.com");
            HttpResponse<String> allowed = on.get("/api/v1/stats", "Origin", "https://app.example.com");
            HttpResponse<String> other = on.get("/api/v1/stats", "Origin", "https://evil.example.com");

            assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void serves_the_openapi_document() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            HttpResponse<String> response = t.send(t.request("/api/v1/openapi.json").GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(response).get("openapi").asString()).isEqualTo("3.1.0");
            HttpRequest again = t.request("/api/v1/openapi.json")
                    .header("If-None-Match", response.headers().firstValue("ETag").orElseThrow()).build();
            assertThat(t.send(again).statusCode()).isEqualTo(304);
        }
    }
}
