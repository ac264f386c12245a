package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.search.MatchVectors;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestVersions;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/match}: skills for a task with score and reason, as the caller may see them; bad input named. */
class MatchApiIT {

    private static void publish(TestServer t, String name, String description) {
        t.registry.publish(TestVersions.skill("acme", name).description(description)
                .body("# " + name + "\n\nNothing else here.\n").build());
    }

    private static void fixtures(TestServer t) {
        publish(t, "postgres-tuning", "Finds slow PostgreSQL queries with EXPLAIN and proposes indexes.");
        publish(t, "image-resize", "Resizes and crops images for the web.");
        publish(t, "secret-postgres", "Our slow PostgreSQL queries, fixed.");
        t.registry.update(new SkillRef("acme", "secret-postgres"), new SkillPatch(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("private"), Optional.empty(), Optional.empty()));
    }

    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        TestServer.json(response).get("items").forEach(i -> names.add(i.get("namespace").asString() + "/"
                + i.get("name").asString()));
        return names;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void answers_the_skills_for_a_task_with_score_and_reason_and_hides_private_ones(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            String admin = Actors.in(t).ada;
            fixtures(t);
            String task = "{\"task\": \"my postgres queries are really slow\", \"limit\": 5}";

            HttpResponse<String> anonymous = t.call("POST", "/api/v1/match", null, task);

            assertThat(names(anonymous)).startsWith("acme/postgres-tuning").doesNotContain("acme/secret-postgres");
            JsonNode first = TestServer.json(anonymous).get("items").get(0);
            assertThat(first.get("score").asDouble()).isPositive();
            assertThat(first.get("reason").get("name").get(0).asString()).isEqualTo("postgres");
            assertThat(first.get("reason").get("description").toString()).contains("slow", "queries");
            assertThat(TestServer.json(anonymous).get("limit").asInt()).isEqualTo(5);

            assertThat(names(t.call("POST", "/api/v1/match", admin, task)))
                    .contains("acme/postgres-tuning", "acme/secret-postgres");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_server_with_vectors_answers_a_skill_found_by_meaning_alone_with_the_reason_semantic(DbKind kind) {
        String url = TestDatabases.freshUrl(kind);
        String task = "{\"task\": \"shrink my photos so that the website loads quicker\"}";
        try (LocalRegistry cli = LocalRegistry.open(DatabaseUrl.parse(url), Clock.systemUTC(), MatchVectors.ON_MATCH)) {
            cli.publish(TestVersions.skill("acme", "image-resize").description("Resizes and crops pictures.").build());
            cli.publish(TestVersions.skill("acme", "pdf-forms").description("Fills in PDF forms.").build());
            cli.match("photos", new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    SkillQuery.Sort.NAME, 10, 0, Viewer.EVERYTHING));
        }
        try (TestServer keywords = TestServer.start(url, MatchVectors.OFF)) {
            assertThat(names(keywords.call("POST", "/api/v1/match", null, task))).doesNotContain("acme/image-resize");
        }
        try (TestServer t = TestServer.start(url, MatchVectors.IN_BACKGROUND)) {
            HttpResponse<String> response = t.call("POST", "/api/v1/match", null, task);

            assertThat(names(response)).first().isEqualTo("acme/image-resize");
            JsonNode reason = TestServer.json(response).get("items").get(0).get("reason");
            assertThat(reason.get("semantic").isArray()).isTrue();
            assertThat(reason.get("semantic").size()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rejects_a_missing_empty_or_too_long_task_and_a_limit_out_of_range_naming_each_field(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            JsonNode missing = ProblemAssert.problem(t.call("POST", "/api/v1/match", null, "{\"limit\": 5}"), 422);
            assertThat(ProblemAssert.codes(missing)).containsExactly("required");

            JsonNode empty = ProblemAssert.problem(t.call("POST", "/api/v1/match", null,
                    "{\"task\": \"  ?! \", \"limit\": 0}"), 422);
            assertThat(ProblemAssert.fields(empty)).containsExactlyInAnyOrder("task", "limit");

            String longTask = "pdf ".repeat(600);
            JsonNode tooLong = ProblemAssert.problem(t.call("POST", "/api/v1/match", null,
                    "{\"task\": \"" + longTask + "\", \"limit\": 51}"), 422);
            assertThat(ProblemAssert.codes(tooLong)).containsExactlyInAnyOrder("task-too-long", "invalid-limit");

            JsonNode wrongTypes = ProblemAssert.problem(t.call("POST", "/api/v1/match", null,
                    "{\"task\": 3, \"limit\": \"ten\", \"q\": \"x\"}"), 422);
            assertThat(ProblemAssert.fields(wrongTypes)).containsExactlyInAnyOrder("task", "limit", "q");

            ProblemAssert.problem(t.call("POST", "/api/v1/match", null, "{\"task\": "), 400);
        }
    }
}
