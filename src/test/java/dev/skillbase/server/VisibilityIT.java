package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.Namespace;
import dev.skillbase.account.Scope;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestRequests;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Private skills, and every skill of a private namespace, are a 404 to anyone but members and admins on every read
 * route; unlisted skills are readable by name but absent from lists and search for non-members.
 */
class VisibilityIT {
    private static final String SECRET = "/api/v1/skills/acme/secret-sauce";
    private static final String VAULT = "/api/v1/skills/vault/gem";

    private static List<String> readRoutes(String skill) {
        return List.of(skill, skill + "/versions", skill + "/versions/1.0.0", skill + "/versions/1.0.0/files/SKILL.md",
                skill + "/versions/1.0.0/archive", skill + "/tags");
    }

    private static Actors setUp(TestServer t) {
        Actors actors = Actors.in(t);
        publish(t, "acme", "secret-sauce");
        t.registry.update(new SkillRef("acme", "secret-sauce"), visibility("private"));
        publish(t, "acme", "hidden-gem");
        t.registry.update(new SkillRef("acme", "hidden-gem"), visibility("unlisted"));
        t.registry.accounts().createNamespace("vault", Namespace.Kind.ORG, Optional.of("oscar"), true);
        publish(t, "vault", "gem");
        return actors;
    }

    private static void publish(TestServer t, String namespace, String name) {
        var request = TestRequests.of(TestRequests.fixture("pdf-tools"), namespace, "1.0.0", "", List.of());
        t.registry.publish(new dev.skillbase.registry.PublishRequest(new SkillRef(namespace, name), "1.0.0",
                request.document(), request.bundle(), "secret/" + name, List.of("hush-" + name), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    private static SkillPatch visibility(String value) {
        return new SkillPatch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(value), Optional.empty(), Optional.empty());
    }

    private static List<String> names(HttpResponse<String> list) {
        List<String> names = new ArrayList<>();
        TestServer.json(list).get("items").forEach(i -> names.add(i.get("namespace").asString() + "/"
                + i.get("name").asString()));
        return names;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void private_skills_are_404_to_anonymous_callers_and_non_members_on_every_read_route(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            setUp(t);
            var accounts = t.registry.accounts();
            String outsider = accounts.issueToken(accounts.createUser("nora", false),
                    EnumSet.of(Scope.READ, Scope.PUBLISH), Optional.empty(), Optional.empty()).secret();
            for (String token : new String[] {null, outsider}) {
                for (String route : readRoutes(SECRET)) {
                    ProblemAssert.problem(t.call("GET", route, token, null), 404);
                }
                assertThat(names(t.call("GET", "/api/v1/skills?limit=100", token, null)))
                        .containsExactly("acme/pdf-tools");
                assertThat(names(t.call("GET", "/api/v1/skills?q=pdf", token, null))).containsExactly("acme/pdf-tools");
                assertThat(t.call("GET", "/api/v1/categories", token, null).body()).doesNotContain("secret");
                assertThat(t.call("GET", "/api/v1/tags", token, null).body()).doesNotContain("hush");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void members_and_admins_see_private_skills_everywhere(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            for (String token : new String[] {actors.mia, actors.ada}) {
                for (String route : readRoutes(SECRET)) {
                    HttpResponse<String> response = t.call("GET", route, token, null);
                    assertThat(response.statusCode()).as(route + ": " + response.body()).isEqualTo(200);
                }
                assertThat(names(t.call("GET", "/api/v1/skills?limit=100", token, null)))
                        .contains("acme/secret-sauce", "acme/hidden-gem");
                assertThat(names(t.call("GET", "/api/v1/skills?q=pdf", token, null))).contains("acme/secret-sauce");
                assertThat(t.call("GET", "/api/v1/tags", token, null).body()).contains("hush-secret-sauce");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void unlisted_skills_are_readable_by_name_but_absent_from_lists_and_search(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            setUp(t);
            for (String route : readRoutes("/api/v1/skills/acme/hidden-gem")) {
                assertThat(t.get(route).statusCode()).as(route).isEqualTo(200);
            }
            assertThat(names(t.get("/api/v1/skills?limit=100"))).doesNotContain("acme/hidden-gem");
            assertThat(names(t.get("/api/v1/skills?q=hidden"))).doesNotContain("acme/hidden-gem");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_private_namespace_and_its_skills_are_404_to_outsiders_and_visible_to_its_owner(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            for (String token : new String[] {null, actors.olivia}) {
                ProblemAssert.problem(t.call("GET", "/api/v1/namespaces/vault", token, null), 404);
                for (String route : readRoutes(VAULT)) {
                    ProblemAssert.problem(t.call("GET", route, token, null), 404);
                }
                ProblemAssert.problem(t.call("PATCH", VAULT, token == null ? actors.olivia : token,
                        "{\"title\":\"x\"}"), 404);
            }
            HttpResponse<String> own = t.call("GET", "/api/v1/namespaces/vault", actors.oscar, null);
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(own).get("skill_count").asLong()).isEqualTo(1);
            assertThat(TestServer.json(own).get("members").get(0).get("user").asString()).isEqualTo("oscar");
            assertThat(t.call("GET", VAULT, actors.oscar, null).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void discovery_indexes_and_skills_search_show_neither_private_nor_unlisted_skills(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            for (String route : List.of("/.well-known/agent-skills/index.json", "/.well-known/skills/index.json",
                    "/ns/acme/.well-known/agent-skills/index.json", "/ns/acme/.well-known/skills/index.json",
                    "/api/search?q=pdf", "/api/search?q=gem&owner=vault")) {
                for (String token : new String[] {null, actors.mia}) {
                    HttpResponse<String> response = t.call("GET", route, token, null);
                    assertThat(response.body()).as(route)
                            .doesNotContain("secret-sauce").doesNotContain("hidden-gem").doesNotContain("vault");
                }
            }
            assertThat(t.get("/ns/acme/.well-known/agent-skills/index.json").body()).contains("pdf-tools");
            for (String route : List.of("/ns/vault/.well-known/agent-skills/index.json",
                    "/.well-known/skills/secret-sauce/SKILL.md", "/ns/acme/.well-known/skills/secret-sauce/SKILL.md")) {
                ProblemAssert.problem(t.get(route), 404);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void stats_count_only_what_the_caller_may_list(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            // listed to anonymous callers: acme/pdf-tools only (secret-sauce is private, hidden-gem unlisted,
            // vault a private namespace)
            var anonymous = TestServer.json(t.get("/api/v1/stats"));
            assertThat(anonymous.get("skills").asLong()).isEqualTo(1);
            assertThat(anonymous.get("versions").asLong()).isEqualTo(2);
            assertThat(anonymous.get("namespaces").asLong()).isEqualTo(1);
            assertThat(anonymous.get("tags").asLong()).isEqualTo(1);

            var admin = TestServer.json(t.call("GET", "/api/v1/stats", actors.ada, null));
            assertThat(admin.get("skills").asLong()).isEqualTo(4);
            assertThat(admin.get("namespaces").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(admin.get("tags").asLong()).isEqualTo(4);
        }
    }
}
