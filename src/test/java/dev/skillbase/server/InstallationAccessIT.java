package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.Namespace;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestRequests;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Who may record installations and preferences (any valid token, for themselves only; a private skill is a 404 to
 * non-members), and what bad input gets (a 422 naming each field, nothing recorded). On SQLite and PostgreSQL.
 */
class InstallationAccessIT {
    private static final String PUBLIC = "/api/v1/skills/acme/pdf-tools/install";
    private static final String PRIVATE = "/api/v1/skills/acme/secret-sauce/install";
    private static final String VAULT = "/api/v1/skills/vault/gem/install";
    private static final String BODY = "{\"version\":\"1.0.0\",\"agent\":\"claude-code\"}";

    private static Actors setUp(TestServer t) {
        Actors actors = Actors.in(t);
        publish(t, "acme", "secret-sauce");
        t.registry.update(new SkillRef("acme", "secret-sauce"), new SkillPatch(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("private"), Optional.empty(), Optional.empty()));
        t.registry.accounts().createNamespace("vault", Namespace.Kind.ORG, Optional.of("oscar"), true);
        publish(t, "vault", "gem");
        return actors;
    }

    private static void publish(TestServer t, String namespace, String name) {
        var request = TestRequests.of(TestRequests.fixture("pdf-tools"), namespace, "1.0.0", "", List.of());
        t.registry.publish(new dev.skillbase.registry.PublishRequest(new SkillRef(namespace, name), "1.0.0",
                request.document(), request.bundle(), "", List.of(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    private static long installs(TestServer t, String namespace, String name) {
        return t.registry.skill(new SkillRef(namespace, name)).orElseThrow().installs();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void every_endpoint_needs_a_token(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            setUp(t);
            for (HttpResponse<String> response : List.of(t.call("POST", PUBLIC, null, BODY),
                    t.call("DELETE", PUBLIC, null, null), t.call("GET", "/api/v1/me/installations", null, null),
                    t.call("GET", "/api/v1/me/preferences", null, null),
                    t.call("PUT", "/api/v1/me/preferences", null, "{\"scope\":\"global\"}"))) {
                ProblemAssert.problem(response, 401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                        h -> assertThat(h).startsWith("Bearer"));
            }
            assertThat(installs(t, "acme", "pdf-tools")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_read_token_records_for_its_own_user_and_private_skills_are_404_to_non_members(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);

            assertThat(t.call("POST", PUBLIC, actors.oliviaRead, BODY).statusCode()).isEqualTo(201);
            assertThat(t.call("POST", PUBLIC, actors.oscar, BODY).statusCode()).isEqualTo(201);
            ProblemAssert.problem(t.call("POST", PRIVATE, actors.oscar, BODY), 404);
            ProblemAssert.problem(t.call("DELETE", PRIVATE, actors.oscar, null), 404);
            ProblemAssert.problem(t.call("POST", VAULT, actors.mia, BODY), 404);
            assertThat(t.call("POST", PRIVATE, actors.mia, BODY).statusCode()).as("a member").isEqualTo(201);
            assertThat(t.call("POST", VAULT, actors.oscar, BODY).statusCode()).as("the owner").isEqualTo(201);
            assertThat(t.call("POST", VAULT, actors.ada, BODY).statusCode()).as("an admin").isEqualTo(201);

            assertThat(installs(t, "acme", "pdf-tools")).isEqualTo(2);
            assertThat(installs(t, "acme", "secret-sauce")).isEqualTo(1);
            assertThat(installs(t, "vault", "gem")).isEqualTo(2);
            // one user's installations are theirs alone: oscar's DELETE finds none of olivia's
            ProblemAssert.problem(t.call("DELETE", PUBLIC + "?agent=cursor", actors.oscar, null), 404);
            JsonNode olivias = TestServer.json(t.call("GET", "/api/v1/me/installations", actors.olivia, null));
            assertThat(olivias.get("total").asLong()).isEqualTo(1);
            assertThat(olivias.get("items").get(0).get("skill").asString()).isEqualTo("acme/pdf-tools");
            assertThat(installs(t, "acme", "pdf-tools")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void an_installation_of_a_skill_made_private_since_is_counted_but_no_longer_listed_to_a_non_member(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            assertThat(t.call("POST", PUBLIC, actors.oscar, BODY).statusCode()).isEqualTo(201);
            assertThat(t.call("POST", PUBLIC, actors.mia, BODY).statusCode()).isEqualTo(201);

            t.registry.update(new SkillRef("acme", "pdf-tools"), new SkillPatch(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("private"), Optional.empty(), Optional.empty()));

            assertThat(TestServer.json(t.call("GET", "/api/v1/me/installations", actors.oscar, null)).get("total")
                    .asLong()).isZero();
            assertThat(TestServer.json(t.call("GET", "/api/v1/me/installations", actors.mia, null)).get("total")
                    .asLong()).as("a member still sees hers").isEqualTo(1);
            ProblemAssert.problem(t.call("POST", PUBLIC, actors.oscar, BODY), 404);
            assertThat(installs(t, "acme", "pdf-tools")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bad_input_is_a_422_naming_each_field_and_records_nothing(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);

            JsonNode all = ProblemAssert.problem(t.call("POST", PUBLIC, actors.mia,
                    "{\"version\":\"9.9.9\",\"agent\":\"notepad\",\"scope\":\"galaxy\",\"auto_update\":\"yes\","
                            + "\"colour\":1}"), 422);
            JsonNode missing = ProblemAssert.problem(t.call("POST", PUBLIC, actors.mia, "{}"), 422);
            JsonNode badVersion = ProblemAssert.problem(t.call("POST", PUBLIC, actors.mia,
                    "{\"version\":\"one\",\"agent\":\"cursor\"}"), 422);
            HttpResponse<String> badAgent = t.call("DELETE", PUBLIC + "?agent=notepad", actors.mia, null);
            HttpResponse<String> badScope = t.call("DELETE", PUBLIC + "?scope=galaxy", actors.mia, null);

            assertThat(ProblemAssert.fields(all)).containsExactlyInAnyOrder("colour", "version", "agent", "scope",
                    "auto_update");
            assertThat(ProblemAssert.codes(all)).contains("unknown-version", "unknown-agent", "invalid-scope");
            assertThat(all.get("errors").toString()).contains("acme/pdf-tools has no version 9.9.9")
                    .contains("agent \\\"notepad\\\" is not one skillbase knows");
            assertThat(ProblemAssert.codes(missing)).containsExactlyInAnyOrder("version-missing", "agent-missing");
            assertThat(ProblemAssert.codes(badVersion)).containsExactly("invalid-version");
            assertThat(ProblemAssert.fields(ProblemAssert.problem(badAgent, 400))).containsExactly("agent");
            assertThat(ProblemAssert.fields(ProblemAssert.problem(badScope, 400))).containsExactly("scope");
            ProblemAssert.problem(t.call("POST", "/api/v1/skills/acme/no-such/install", actors.mia, BODY), 404);
            assertThat(installs(t, "acme", "pdf-tools")).isZero();
            assertThat(TestServer.json(t.call("GET", "/api/v1/me/installations", actors.mia, null)).get("total")
                    .asLong()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void preferences_default_then_are_replaced_whole_and_bad_ones_change_nothing(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = setUp(t);
            JsonNode defaults = TestServer.json(t.call("GET", "/api/v1/me/preferences", actors.oscar, null));
            assertThat(defaults.get("agents")).isEmpty();
            assertThat(defaults.get("scope").asString()).isEqualTo("project");
            assertThat(defaults.get("updated_at").isNull()).isTrue();

            HttpResponse<String> put = t.call("PUT", "/api/v1/me/preferences", actors.oliviaRead,
                    "{\"agents\":[\"cursor\",\"claude-code\"],\"scope\":\"global\","
                            + "\"enabled_skills\":[\"acme/secret-sauce\"],\"disabled_skills\":[\"acme/pdf-tools\"]}");
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            JsonNode stored = TestServer.json(t.call("GET", "/api/v1/me/preferences", actors.olivia, null));
            assertThat(stored.get("agents").toString()).isEqualTo("[\"cursor\",\"claude-code\"]");
            assertThat(stored.get("scope").asString()).isEqualTo("global");
            assertThat(stored.get("enabled_skills").toString()).isEqualTo("[\"acme/secret-sauce\"]");
            assertThat(stored.get("disabled_skills").toString()).isEqualTo("[\"acme/pdf-tools\"]");
            assertThat(stored.get("updated_at").isNull()).isFalse();

            JsonNode refused = ProblemAssert.problem(t.call("PUT", "/api/v1/me/preferences", actors.olivia,
                    "{\"agents\":[\"cursor\",\"notepad\",\"cursor\"],\"scope\":\"galaxy\","
                            + "\"enabled_skills\":[\"acme/pdf-tools\",\"vault/gem\",\"nonsense\"],"
                            + "\"disabled_skills\":[\"acme/pdf-tools\"]}"), 422);
            assertThat(ProblemAssert.fields(refused)).containsExactlyInAnyOrder("agents[1]", "agents[2]", "scope",
                    "enabled_skills[1]", "enabled_skills[2]", "disabled_skills");
            assertThat(TestServer.json(t.call("GET", "/api/v1/me/preferences", actors.olivia, null)))
                    .as("unchanged").isEqualTo(stored);

            JsonNode replaced = TestServer.json(t.call("PUT", "/api/v1/me/preferences", actors.olivia,
                    "{\"agents\":[\"codex\"]}"));
            assertThat(replaced.get("scope").asString()).as("a field left out takes its default").isEqualTo("project");
            assertThat(replaced.get("enabled_skills")).isEmpty();
            assertThat(replaced.get("disabled_skills")).isEmpty();
            assertThat(TestServer.json(t.call("GET", "/api/v1/me/preferences", actors.oscar, null)))
                    .as("another user's are their own").isEqualTo(defaults);
            ProblemAssert.problem(t.call("PUT", "/api/v1/me/preferences", actors.oscar,
                    "{\"enabled_skills\":[\"acme/secret-sauce\"]}"), 422);
        }
    }
}
