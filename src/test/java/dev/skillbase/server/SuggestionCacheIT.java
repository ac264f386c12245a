package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.Corpus;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The package-to-skills answers are served from memory once read, and a publish, a manual mapping and a status
 * change through the API are each visible on the very next request, on SQLite and PostgreSQL.
 */
class SuggestionCacheIT {
    private static final String REACT = "vercel-labs__agent-skills/skills/react-best-practices";
    private static final String PACKAGE = "/api/v1/packages/npm/react/skills";
    private static final String SUGGEST = "/api/v1/skills/suggest?packages=npm:react&packages=pypi:django";

    private static void publish(TestServer t, String corpusPath, String name) {
        var read = TestRequests.of(Corpus.skills().resolve(corpusPath), "acme", "1.0.0", "", List.of());
        t.registry.publish(new PublishRequest(new SkillRef("acme", name), "1.0.0", read.document(), read.bundle(),
                "", List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static List<String> skills(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.get("skills").forEach(s -> names.add(s.get("skill").asString()));
        return names;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_repeated_question_is_answered_from_memory(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);
            publish(t, REACT, "react-best-practices");
            t.server.pollChanges(); // the publish, seen now rather than between the requests below
            SuggestionCache cache = t.server.suggestionCache();

            JsonNode first = TestServer.json(t.get(SUGGEST));
            long hits = cache.hits();
            JsonNode second = TestServer.json(t.get(SUGGEST));
            JsonNode bulk = TestServer.json(t.call("POST", "/api/v1/skills/bulk-suggest", null,
                    "{\"packages\":[\"npm:react\",\"pypi:django\"]}"));

            assertThat(second).isEqualTo(first);
            assertThat(skills(first)).containsExactly("acme/react-best-practices");
            assertThat(cache.hits()).isEqualTo(hits + 4);
            assertThat(bulk.get("results").get(0).get("skills").get(0).get("skill").asString())
                    .isEqualTo("acme/react-best-practices");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_publish_is_visible_on_the_next_request(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);
            publish(t, REACT, "react-best-practices");
            assertThat(skills(TestServer.json(t.get(PACKAGE)))).containsExactly("acme/react-best-practices");
            assertThat(skills(TestServer.json(t.get(SUGGEST)))).containsExactly("acme/react-best-practices");

            publish(t, "getsentry__skills/skills/django-perf-review", "django-perf-review");
            publish(t, REACT, "react-guide");

            assertThat(skills(TestServer.json(t.get(PACKAGE))))
                    .containsExactlyInAnyOrder("acme/react-best-practices", "acme/react-guide");
            assertThat(skills(TestServer.json(t.get(SUGGEST)))).containsExactlyInAnyOrder(
                    "acme/react-best-practices", "acme/react-guide", "acme/django-perf-review");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_manual_mapping_is_visible_on_the_next_request(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            publish(t, REACT, "react-best-practices");
            assertThat(skills(TestServer.json(t.get(PACKAGE)))).containsExactly("acme/react-best-practices");

            assertThat(t.call("PUT", "/api/v1/skills/acme/pdf-tools/packages", actors.max,
                    "{\"package\":\"npm:react\",\"confidence\":0.99}").statusCode()).isEqualTo(200);

            assertThat(skills(TestServer.json(t.get(PACKAGE))))
                    .containsExactly("acme/pdf-tools", "acme/react-best-practices");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_status_change_is_visible_on_the_next_request(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            publish(t, REACT, "react-best-practices");
            assertThat(skills(TestServer.json(t.get(PACKAGE)))).containsExactly("acme/react-best-practices");

            assertThat(t.call("PATCH", "/api/v1/skills/acme/react-best-practices", actors.max,
                    "{\"status\":\"deprecated\"}").statusCode()).isEqualTo(200);
            assertThat(skills(TestServer.json(t.get(PACKAGE)))).isEmpty();
            assertThat(skills(TestServer.json(t.get(SUGGEST)))).isEmpty();

            assertThat(t.call("PATCH", "/api/v1/skills/acme/react-best-practices", actors.max,
                    "{\"status\":\"active\"}").statusCode()).isEqualTo(200);
            assertThat(skills(TestServer.json(t.get(PACKAGE)))).containsExactly("acme/react-best-practices");
        }
    }
}
