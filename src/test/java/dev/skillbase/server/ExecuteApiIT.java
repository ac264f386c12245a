package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.ExecSkills;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Runs over HTTP: refused unless the server allows them, recorded, readable by the runner and the owners. */
class ExecuteApiIT {
    private static final String EXECUTE = "/api/v1/skills/acme/shout/execute";

    @TempDir
    Path work;

    private void publishShout(TestServer t) {
        ExecSkills.publish(t.registry, work, "acme", "shout", Map.of(
                "command", List.of("sh", "-c", "tr a-z A-Z"),
                "input", Map.of("type", "object", "required", List.of("text"),
                        "properties", Map.of("text", Map.of("type", "string"))),
                "output", Map.of("type", "object", "required", List.of("TEXT"))), Map.of());
    }

    @Test
    void a_server_without_allow_exec_refuses_runs_with_403() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            Actors actors = Actors.in(t);
            publishShout(t);

            HttpResponse<String> response = t.call("POST", EXECUTE, actors.olivia, "{\"inputs\": {\"text\": \"hi\"}}");

            assertThat(ProblemAssert.problem(response, 403).get("type").asString()).endsWith(":exec-not-allowed");
            assertThat(t.registry.executions().list(new dev.skillbase.registry.SkillRef("acme", "shout"),
                    java.util.Optional.empty(), 10, 0).total()).isZero();
        }
    }

    @Test
    void runs_are_recorded_and_readable_by_the_runner_and_the_namespace_owners_only() throws InterruptedException {
        try (TestServer t = TestServer.start(DbKind.SQLITE, s -> s.withAllowExec(true))) {
            Actors actors = Actors.in(t);
            publishShout(t);

            assertThat(t.call("POST", EXECUTE, null, "{\"inputs\": {}}").statusCode()).isEqualTo(401);
            JsonNode before = TestServer.json(t.get("/api/v1/skills/acme/shout")).get("counters");
            assertThat(before.get("executions").asLong()).isZero();
            assertThat(before.get("success_rate").isNull()).isTrue();
            HttpResponse<String> run = t.call("POST", EXECUTE, actors.mia, "{\"inputs\": {\"text\": \"hi\"}}");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
            JsonNode execution = TestServer.json(run);
            assertThat(execution.get("status").asString()).isEqualTo("succeeded");
            assertThat(execution.get("sandboxed").asBoolean()).isTrue();
            assertThat(execution.get("outputs").get("TEXT").asString()).isEqualTo("HI");
            assertThat(execution.get("runner").asString()).isEqualTo("mia");
            String location = run.headers().firstValue("Location").orElseThrow();
            JsonNode after = TestServer.json(t.get("/api/v1/skills/acme/shout")).get("counters");
            assertThat(after.get("executions").asLong()).isOne();
            assertThat(after.get("executions_succeeded").asLong()).isOne();
            assertThat(after.get("success_rate").asDouble()).isEqualTo(1.0);

            HttpResponse<String> invalid = t.call("POST", EXECUTE, actors.oscar, "{\"inputs\": {\"txt\": 1}}");
            JsonNode problem = ProblemAssert.problem(invalid, 422);
            assertThat(problem.get("type").asString()).endsWith(":invalid-inputs");
            assertThat(ProblemAssert.fields(problem)).containsExactly("inputs");
            assertThat(t.call("POST", EXECUTE, actors.oscar, "{}").statusCode()).isEqualTo(422);

            assertThat(t.call("GET", location, actors.mia, null).statusCode()).isEqualTo(200);
            assertThat(t.call("GET", location, actors.olivia, null).statusCode()).isEqualTo(200);
            assertThat(t.call("GET", location, actors.ada, null).statusCode()).isEqualTo(200);
            assertThat(t.call("GET", location, actors.max, null).statusCode()).isEqualTo(404);
            assertThat(t.call("GET", location, actors.oscar, null).statusCode()).isEqualTo(404);
            assertThat(t.call("GET", location, null, null).statusCode()).isEqualTo(401);
            assertThat(t.call("GET", "/api/v1/executions/not-a-uuid", actors.mia, null).statusCode()).isEqualTo(400);
            HttpResponse<String> head = t.call("HEAD", location, actors.mia, null);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();

            JsonNode all = TestServer.json(t.call("GET", "/api/v1/skills/acme/shout/executions", actors.olivia, null));
            assertThat(all.get("total").asLong()).isEqualTo(2);
            assertThat(all.get("runs").asLong()).isEqualTo(1);
            assertThat(all.get("succeeded").asLong()).isEqualTo(1);
            assertThat(all.get("success_rate").asDouble()).isEqualTo(1.0);
            JsonNode own = TestServer.json(t.call("GET", "/api/v1/skills/acme/shout/executions", actors.oscar, null));
            assertThat(own.get("total").asLong()).isEqualTo(1);
            assertThat(own.get("items").get(0).get("status").asString()).isEqualTo("invalid_input");

            // each run recorded is in the audit log (who, which skill, the run), and a started one counts as executed
            JsonNode audit = TestServer.json(t.call("GET", "/api/v1/audit?action=execution.run", actors.ada, null));
            assertThat(audit.get("total").asLong()).isEqualTo(2);
            JsonNode newest = audit.get("items").get(0);
            assertThat(newest.get("actor").asString()).isEqualTo("oscar");
            assertThat(newest.get("target").asString()).isEqualTo("acme/shout");
            assertThat(newest.get("details").get("status").asString()).isEqualTo("invalid_input");
            assertThat(audit.get("items").get(1).get("details").get("execution").asString())
                    .isEqualTo(execution.get("id").asString());
            assertThat(t.server.events().flush(java.time.Duration.ofSeconds(30))).isTrue();
            JsonNode stats = TestServer.json(t.get("/api/v1/skills/acme/shout/stats?days=1"));
            assertThat(stats.get("totals").get("executed").asLong()).isEqualTo(1);
        }
    }
}
