package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.SkillPatch;
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
 * Suggestions over HTTP on SQLite and PostgreSQL, from real corpus skills published to the server: inferred
 * mappings, manual ones overriding them (and surviving a new version), private skills hidden from non-members, and
 * bad input answered with a problem naming it.
 */
class SuggestApiIT {
    private static final String REACT = "vercel-labs__agent-skills/skills/react-best-practices";

    private static Actors setUp(TestServer t) {
        Actors actors = Actors.in(t);
        publish(t, REACT, "react-best-practices", "1.0.0");
        publish(t, "getsentry__skills/skills/django-perf-review", "django-perf-review", "1.0.0");
        publish(t, "prisma__skills/prisma-cli", "prisma-cli", "1.0.0");
        publish(t, REACT, "secret-react", "1.0.0");
        t.registry.update(new SkillRef("acme", "secret-react"), new SkillPatch(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("private"), Optional.empty(), Optional.empty()));
        return actors;
    }

    private static void publish(TestServer t, String corpusPath, String name, String version) {
        var read = TestRequests.of(Corpus.skills().resolve(corpusPath), "acme", version, "", List.of());
        t.registry.publish(new PublishRequest(new SkillRef("acme", name), version, read.document(), read.bundle(),
                "", List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static List<String> skills(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(s -> names.add(s.get("skill").asString()));
        return names;
    }

    private static JsonNode skill(JsonNode list, String ref) {
        for (JsonNode s : list) {
            if (s.get("skill").asString().equals(ref)) {
                return s;
            }
        }
        throw new AssertionError(ref + " is not in " + list);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void suggests_skills_inferred_from_the_skills_themselves(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            setUp(t);

            JsonNode answer = TestServer.json(t.get(
                    "/api/v1/skills/suggest?packages=npm:react&packages=next,pypi:Django&packages=left-pad"));

            assertThat(answer.get("packages").toString())
                    .isEqualTo("[\"npm:react\",\"next\",\"pypi:django\",\"left-pad\"]");
            assertThat(skills(answer.get("skills")))
                    .containsExactlyInAnyOrder("acme/react-best-practices", "acme/django-perf-review");
            JsonNode react = skill(answer.get("skills"), "acme/react-best-practices");
            assertThat(react.get("package").asString()).isEqualTo("npm:react");
            assertThat(react.get("confidence").asDouble()).isEqualTo(0.85);
            assertThat(react.get("source").asString()).isEqualTo("inferred");
            assertThat(react.get("reason").asString()).isEqualTo("name mentions \"react\"");
            assertThat(react.get("latest_version").asString()).isEqualTo("1.0.0");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bulk_suggest_groups_by_package_in_the_order_asked(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            setUp(t);

            JsonNode answer = TestServer.json(t.call("POST", "/api/v1/skills/bulk-suggest", null,
                    "{\"packages\":[\"npm:@prisma/client\",\"npm:next\",\"cargo:tokio\"],\"limit\":3}"));

            JsonNode results = answer.get("results");
            assertThat(results.size()).isEqualTo(3);
            assertThat(results.get(0).get("package").asString()).isEqualTo("npm:@prisma/client");
            assertThat(skills(results.get(0).get("skills"))).containsExactly("acme/prisma-cli");
            JsonNode next = skill(results.get(1).get("skills"), "acme/react-best-practices");
            assertThat(next.get("confidence").asDouble()).isEqualTo(0.5);
            assertThat(next.get("reason").asString()).isEqualTo("description mentions \"next.js\"");
            assertThat(results.get(2).get("skills").size()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void private_skills_are_suggested_to_members_only(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            String path = "/api/v1/packages/npm/react/skills";

            assertThat(skills(TestServer.json(t.get(path)).get("skills"))).containsExactly("acme/react-best-practices");
            assertThat(skills(TestServer.json(t.call("GET", path, actors.oscar, null)).get("skills")))
                    .containsExactly("acme/react-best-practices");
            assertThat(skills(TestServer.json(t.call("GET", path, actors.mia, null)).get("skills")))
                    .containsExactlyInAnyOrder("acme/react-best-practices", "acme/secret-react");
            assertThat(skills(TestServer.json(t.call("POST", "/api/v1/skills/bulk-suggest", null,
                    "{\"packages\":[\"react\"]}")).get("results").get(0).get("skills")))
                    .doesNotContain("acme/secret-react");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_manual_mapping_overrides_the_inferred_one_and_survives_a_new_version(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            String put = "/api/v1/skills/acme/react-best-practices/packages";

            var stored = t.call("PUT", put, actors.max, "{\"package\":\"npm:React\",\"confidence\":0.99,"
                    + "\"reason\":\"the team's React guide\"}");
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(stored).get("package").asString()).isEqualTo("npm:react");
            assertThat(t.call("PUT", put, actors.max, "{\"package\":\"maven:org.springframework.boot:*\","
                    + "\"confidence\":0.4}").statusCode()).isEqualTo(200);
            publish(t, REACT, "react-best-practices", "1.0.1");

            JsonNode react = skill(TestServer.json(t.get("/api/v1/packages/npm/react/skills")).get("skills"),
                    "acme/react-best-practices");
            assertThat(react.get("source").asString()).isEqualTo("manual");
            assertThat(react.get("confidence").asDouble()).isEqualTo(0.99);
            assertThat(react.get("reason").asString()).isEqualTo("the team's React guide");
            JsonNode spring = TestServer.json(t.get("/api/v1/packages/maven/"
                    + "org.springframework.boot:spring-boot-starter-web/skills"));
            assertThat(spring.get("package").asString())
                    .isEqualTo("maven:org.springframework.boot:spring-boot-starter-web");
            assertThat(skill(spring.get("skills"), "acme/react-best-practices").get("package").asString())
                    .isEqualTo("maven:org.springframework.boot:*");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void tags_changed_by_hand_are_inferred_from_again(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            String django = "/api/v1/packages/pypi/django/skills";
            assertThat(skills(TestServer.json(t.get(django)).get("skills"))).doesNotContain("acme/prisma-cli");

            var tagged = t.call("PATCH", "/api/v1/skills/acme/prisma-cli", actors.max, "{\"tags\":[\"django\"]}");
            assertThat(tagged.statusCode()).isEqualTo(200);
            JsonNode prisma = skill(TestServer.json(t.get(django)).get("skills"), "acme/prisma-cli");
            assertThat(prisma.get("source").asString()).isEqualTo("inferred");
            assertThat(prisma.get("reason").asString()).isEqualTo("tag \"django\" mentions \"django\"");

            assertThat(t.call("PATCH", "/api/v1/skills/acme/prisma-cli", actors.max, "{\"tags\":[]}").statusCode())
                    .isEqualTo(200);
            assertThat(skills(TestServer.json(t.get(django)).get("skills"))).doesNotContain("acme/prisma-cli");
            assertThat(skills(TestServer.json(t.get("/api/v1/packages/npm/prisma/skills")).get("skills")))
                    .contains("acme/prisma-cli");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void only_maintainers_owners_and_admins_map_packages(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            String put = "/api/v1/skills/acme/prisma-cli/packages";
            String body = "{\"package\":\"npm:react\"}";

            ProblemAssert.problem(t.call("PUT", put, null, body), 401);
            ProblemAssert.problem(t.call("PUT", put, actors.mia, body), 403);
            ProblemAssert.problem(t.call("PUT", put, actors.oscar, body), 403);
            ProblemAssert.problem(t.call("PUT", "/api/v1/skills/acme/secret-react/packages", actors.oscar, body), 404);
            assertThat(skills(TestServer.json(t.get("/api/v1/packages/npm/react/skills")).get("skills")))
                    .doesNotContain("acme/prisma-cli");

            assertThat(t.call("PUT", put, actors.ada, body).statusCode()).isEqualTo(200);
            assertThat(t.call("PUT", put, actors.olivia, body).statusCode()).isEqualTo(200);
            assertThat(skills(TestServer.json(t.get("/api/v1/packages/npm/react/skills")).get("skills")))
                    .contains("acme/prisma-cli");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bad_input_gets_a_problem_naming_it(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);

            assertThat(ProblemAssert.fields(ProblemAssert.problem(t.get("/api/v1/skills/suggest"), 400)))
                    .contains("packages");
            assertThat(ProblemAssert.problem(t.get("/api/v1/skills/suggest?packages=nuget:json"), 400)
                    .get("detail").asString()).contains("unknown ecosystem \"nuget\"");
            ProblemAssert.problem(t.get("/api/v1/skills/suggest?packages=npm:react&limit=0"), 400);
            ProblemAssert.problem(t.get("/api/v1/packages/nuget/json/skills"), 400);
            ProblemAssert.problem(t.call("POST", "/api/v1/skills/bulk-suggest", null, "[1]"), 422);
            JsonNode bulk = ProblemAssert.problem(t.call("POST", "/api/v1/skills/bulk-suggest", null,
                    "{\"packages\":[\"npm:\"],\"limit\":500}"), 422);
            assertThat(ProblemAssert.fields(bulk)).containsExactlyInAnyOrder("packages", "limit");
            ProblemAssert.problem(t.call("POST", "/api/v1/skills/bulk-suggest", null, "{\"packages\":[]}"), 422);
            JsonNode map = ProblemAssert.problem(t.call("PUT", "/api/v1/skills/acme/prisma-cli/packages",
                    actors.olivia, "{\"package\":\"react\",\"confidence\":2}"), 422);
            assertThat(ProblemAssert.fields(map)).containsExactlyInAnyOrder("package", "confidence");
            assertThat(skills(TestServer.json(t.get("/api/v1/packages/npm/react/skills")).get("skills")))
                    .doesNotContain("acme/prisma-cli");
        }
    }
}
