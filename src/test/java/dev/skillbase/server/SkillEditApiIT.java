package dev.skillbase.server;

import static dev.skillbase.server.ProblemAssert.fields;
import static dev.skillbase.server.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.Scope;
import dev.skillbase.account.TokenSecrets;
import dev.skillbase.testing.DbKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The mutating skill routes' behaviour beyond who may call them: bodies, conflicts, yanking, tags, tokens. */
class SkillEditApiIT {
    private static final String SKILL = "/api/v1/skills/acme/pdf-tools";

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void creates_a_skill_record_and_refuses_a_second_with_409(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            String body = "{\"namespace\":\"acme\",\"name\":\"new-one\",\"title\":\"New\",\"category\":\"dev/tools\","
                    + "\"tags\":[\"Alpha\",\"beta\"],\"visibility\":\"unlisted\",\"repo\":\"https://example.com/r\"}";

            HttpResponse<String> created = t.call("POST", "/api/v1/skills", actors.max, body);
            HttpResponse<String> again = t.call("POST", "/api/v1/skills", actors.max, body);

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode skill = TestServer.json(created);
            assertThat(skill.get("status").asString()).isEqualTo("draft");
            assertThat(skill.get("visibility").asString()).isEqualTo("unlisted");
            assertThat(skill.get("taxonomy_path").asString()).isEqualTo("dev/tools");
            assertThat(skill.get("repo").asString()).isEqualTo("https://example.com/r");
            assertThat(skill.get("tags").toString()).isEqualTo("[\"alpha\",\"beta\"]");
            assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/api/v1/skills/acme/new-one"));
            assertThat(problem(again, 409).get("type").asString()).endsWith(":skill-exists");
        }
    }

    @Test
    void malformed_json_is_400_a_wrong_type_415_and_bad_fields_422_listing_each() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            Actors actors = Actors.in(t);
            HttpResponse<String> malformed = t.call("POST", "/api/v1/skills", actors.ada, "{\"namespace\":");
            HttpResponse<String> wrongType = t.send(t.request("/api/v1/skills").header("Authorization",
                    "Bearer " + actors.ada).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            HttpResponse<String> invalid = t.call("POST", "/api/v1/skills", actors.ada,
                    "{\"namespace\":\"Acme\",\"name\":\"bad--name\",\"visibility\":\"secret\",\"tags\":\"x\","
                            + "\"colour\":\"red\"}");
            HttpResponse<String> badPatch = t.call("PATCH", SKILL, actors.olivia,
                    "{\"status\":\"gone\",\"category\":\"Not A Path\"}");

            problem(malformed, 400);
            problem(wrongType, 415);
            assertThat(fields(problem(invalid, 422))).containsExactlyInAnyOrder("colour", "namespace", "name",
                    "visibility", "tags");
            assertThat(fields(problem(badPatch, 422))).containsExactlyInAnyOrder("status", "category");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void patch_with_null_clears_title_category_tags_repo_and_homepage(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            HttpResponse<String> set = t.call("PATCH", SKILL, actors.max, "{\"title\":\"PDF Tools\","
                    + "\"repo\":\"https://example.com/r\",\"homepage\":\"https://example.com/h\"}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

            HttpResponse<String> cleared = t.call("PATCH", SKILL, actors.max, "{\"title\":null,\"category\":null,"
                    + "\"tags\":null,\"repo\":null,\"homepage\":null}");

            assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
            JsonNode skill = TestServer.json(t.get(SKILL));
            assertThat(skill.get("title").asString()).isEqualTo("pdf-tools");
            assertThat(skill.get("taxonomy_path").asString()).isEmpty();
            assertThat(skill.get("tags")).isEmpty();
            assertThat(skill.path("repo").isNull() || skill.path("repo").isMissingNode()).isTrue();
            assertThat(skill.path("homepage").isNull() || skill.path("homepage").isMissingNode()).isTrue();
            assertThat(TestServer.json(t.get("/api/v1/skills?category=documents")).get("total").asLong()).isZero();
            assertThat(TestServer.json(t.get("/api/v1/skills?q=pdf")).get("total").asLong()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void patch_with_null_status_or_visibility_is_422_naming_what_cannot_be_cleared_and_changes_nothing(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            String before = TestServer.json(t.get(SKILL)).toString();

            HttpResponse<String> refused = t.call("PATCH", SKILL, actors.max,
                    "{\"title\":null,\"status\":null,\"visibility\":null}");

            JsonNode problem = problem(refused, 422);
            assertThat(fields(problem)).containsExactlyInAnyOrder("status", "visibility");
            assertThat(ProblemAssert.codes(problem)).containsOnly("not-clearable");
            assertThat(problem.get("errors").get(0).get("message").asString()).contains("cannot be cleared")
                    .contains("only title, category, tags, repo, homepage can be cleared");
            assertThat(TestServer.json(t.get(SKILL)).toString()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_yanked_version_stays_downloadable_but_is_never_latest(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);

            HttpResponse<String> yank = t.call("POST", SKILL + "/versions/1.1.0/yank", actors.max, null);

            assertThat(TestServer.json(yank).get("yanked").asBoolean()).isTrue();
            assertThat(TestServer.json(t.get(SKILL)).get("latest").get("version").asString()).isEqualTo("1.0.0");
            assertThat(t.get(SKILL + "/versions/1.1.0/archive").statusCode()).isEqualTo(200);
            assertThat(TestServer.json(t.get(SKILL + "/tags")).get("tags").get("latest").asString())
                    .isEqualTo("1.0.0");

            t.call("DELETE", SKILL + "/versions/1.1.0/yank", actors.max, null);
            assertThat(TestServer.json(t.get(SKILL)).get("latest").get("version").asString()).isEqualTo("1.1.0");
            problem(t.call("POST", SKILL + "/versions/9.9.9/yank", actors.max, null), 404);
        }
    }

    @Test
    void version_tags_point_at_versions_and_latest_cannot_be_set_by_hand() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            Actors actors = Actors.in(t);

            HttpResponse<String> stable = t.call("PUT", SKILL + "/tags/stable", actors.max, "{\"version\":\"1.0.0\"}");
            HttpResponse<String> latest = t.call("PUT", SKILL + "/tags/latest", actors.max, "{\"version\":\"1.0.0\"}");
            HttpResponse<String> missing = t.call("PUT", SKILL + "/tags/beta", actors.max, "{\"version\":\"3.0.0\"}");

            assertThat(TestServer.json(stable).get("tags").get("stable").asString()).isEqualTo("1.0.0");
            assertThat(problem(latest, 400).get("type").asString()).endsWith(":invalid-parameter");
            problem(missing, 404);
            assertThat(t.call("DELETE", SKILL + "/tags/stable", actors.max, null).statusCode()).isEqualTo(204);
            problem(t.call("DELETE", SKILL + "/tags/stable", actors.max, null), 404);
            assertThat(TestServer.json(t.get(SKILL + "/tags")).get("tags").properties()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void tags_and_categories_count_public_skills(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);

            JsonNode tags = TestServer.json(t.get("/api/v1/tags"));
            JsonNode categories = TestServer.json(t.get("/api/v1/categories"));

            assertThat(tags.get("items").get(0).get("name").asString()).isEqualTo("pdf");
            assertThat(tags.get("items").get(0).get("skills").asLong()).isEqualTo(1);
            JsonNode documents = categories.get("items").get(0);
            assertThat(documents.get("path").asString()).isEqualTo("documents");
            assertThat(documents.get("children").get(0).get("path").asString()).isEqualTo("documents/pdf");
            assertThat(documents.get("skills").asLong()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void tokens_are_created_listed_without_secret_and_revoked_over_the_api(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);

            HttpResponse<String> created = t.call("POST", "/api/v1/tokens", actors.max,
                    "{\"name\":\"ci\",\"scopes\":[\"read\"],\"expires\":\"30d\"}");
            HttpResponse<String> wider = t.call("POST", "/api/v1/tokens", actors.oliviaRead,
                    "{\"scopes\":[\"publish\"]}");
            HttpResponse<String> admin = t.call("POST", "/api/v1/tokens", actors.max, "{\"scopes\":[\"admin\"]}");

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String secret = TestServer.json(created).get("token").asString();
            long id = TestServer.json(created).get("info").get("id").asLong();
            assertThat(secret).startsWith("sb_").hasSizeGreaterThanOrEqualTo(46);
            problem(wider, 422);
            problem(admin, 422);
            assertThat(t.call("GET", "/api/v1/skills", secret, null).statusCode()).isEqualTo(200);
            HttpResponse<String> list = t.call("GET", "/api/v1/tokens", actors.max, null);
            assertThat(list.body()).doesNotContain(secret).contains("\"ci\"");
            problem(t.call("DELETE", "/api/v1/tokens/" + id, actors.olivia, null), 404);
            assertThat(t.call("DELETE", "/api/v1/tokens/" + id, actors.max, null).statusCode()).isEqualTo(200);
            HttpResponse<String> revoked = t.call("GET", "/api/v1/skills", secret, null);
            assertThat(problem(revoked, 401).get("detail").asString()).contains("revoked").doesNotContain(secret);
            assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    h -> assertThat(h).contains("invalid_token"));
        }
    }

    @Test
    void an_expired_token_is_401_and_a_token_is_stored_only_as_its_hash() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            Actors.in(t);
            var accounts = t.registry.accounts();
            String secret = accounts.issueToken(accounts.user("max"), EnumSet.of(Scope.READ),
                    Optional.of(Instant.now().minusSeconds(1)), Optional.empty()).secret();

            problem(t.call("GET", SKILL, secret, null), 401);
            assertThat(t.registry.accounts().tokens("max")).allSatisfy(token ->
                    assertThat(token.prefix()).hasSize(11).isNotEqualTo(secret));
            Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + t.dbUrl);
            List<String> hashes = jdbi.withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens")
                    .mapTo(String.class).list());
            assertThat(hashes).allSatisfy(hash -> assertThat(hash).hasSize(64).doesNotContain("sb_"))
                    .contains(TokenSecrets.hash(secret));
        }
    }

    @Test
    void the_namespace_owner_sees_members_and_others_only_counts() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            Actors actors = Actors.in(t);

            JsonNode owner = TestServer.json(t.call("GET", "/api/v1/namespaces/acme", actors.olivia, null));
            JsonNode outsider = TestServer.json(t.call("GET", "/api/v1/namespaces/acme", actors.oscar, null));

            assertThat(owner.get("kind").asString()).isEqualTo("org");
            assertThat(owner.get("owner").asString()).isEqualTo("olivia");
            assertThat(owner.get("member_count").asLong()).isEqualTo(3);
            assertThat(owner.get("skill_count").asLong()).isEqualTo(1);
            assertThat(owner.get("members")).hasSize(3);
            assertThat(outsider.get("members").isNull()).isTrue();
            assertThat(outsider.get("member_count").asLong()).isEqualTo(3);
            problem(t.call("DELETE", "/api/v1/namespaces/acme/members/olivia", actors.olivia, null), 409);
        }
    }
}
