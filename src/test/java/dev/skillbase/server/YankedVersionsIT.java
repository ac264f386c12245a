package dev.skillbase.server;

import static dev.skillbase.server.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.DbKind;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * What yanking does to tags: {@code latest} is the highest version not yanked and moves back on unyank; a tag set by
 * hand on a yanked version stops resolving until it is unyanked; with every version yanked, the skill is still readable
 * but has no latest, nothing resolves by tag, and the discovery indexes leave it out.
 */
class YankedVersionsIT {
    private static final String SKILL = "/api/v1/skills/acme/pdf-tools";

    private static String latest(TestServer t) {
        return TestServer.json(t.get(SKILL)).get("latest").get("version").asString();
    }

    private static HttpResponse<String> yank(TestServer t, Actors actors, String version, boolean yanked) {
        HttpResponse<String> response = t.call(yanked ? "POST" : "DELETE", SKILL + "/versions/" + version + "/yank",
                actors.max, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void latest_moves_to_the_highest_version_not_yanked_and_back_on_unyank(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);

            yank(t, actors, "1.1.0", true);

            assertThat(latest(t)).isEqualTo("1.0.0");
            assertThat(TestServer.json(t.get(SKILL + "/tags/latest")).get("version").asString()).isEqualTo("1.0.0");
            JsonNode entry = TestServer.json(t.get("/.well-known/agent-skills/index.json")).get("skills").get(0);
            assertThat(entry.get("url").asString()).contains("/versions/1.0.0/archive");
            HttpResponse<byte[]> archive = t.getBytes(entry.get("url").asString()
                    .substring(t.server.url().toString().length()));
            assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(archive.body()))).isEqualTo(entry.get("digest").asString());

            yank(t, actors, "1.0.0", true);
            yank(t, actors, "1.1.0", false);
            assertThat(latest(t)).isEqualTo("1.1.0");
            assertThat(TestServer.json(t.get(SKILL + "/tags")).get("tags").get("latest").asString())
                    .isEqualTo("1.1.0");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_tag_on_a_yanked_version_stops_resolving_and_resolves_again_on_unyank(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            assertThat(t.call("PUT", SKILL + "/tags/stable", actors.max, "{\"version\":\"1.0.0\"}").statusCode())
                    .isEqualTo(200);

            yank(t, actors, "1.0.0", true);

            JsonNode tags = TestServer.json(t.get(SKILL + "/tags"));
            assertThat(tags.get("tags").has("stable")).isFalse();
            assertThat(tags.get("tags").get("latest").asString()).isEqualTo("1.1.0");
            assertThat(tags.get("yanked").get("stable").asString()).isEqualTo("1.0.0");
            assertThat(problem(t.get(SKILL + "/tags/stable"), 404).get("detail").asString())
                    .contains("points at 1.0.0, which is yanked");
            HttpResponse<String> onYanked = t.call("PUT", SKILL + "/tags/beta", actors.max, "{\"version\":\"1.0.0\"}");
            assertThat(problem(onYanked, 409).get("type").asString()).endsWith(":version-yanked");
            assertThat(TestServer.json(t.get(SKILL + "/tags")).get("yanked").has("beta")).isFalse();

            yank(t, actors, "1.0.0", false);

            assertThat(TestServer.json(t.get(SKILL + "/tags/stable")).get("version").asString()).isEqualTo("1.0.0");
            assertThat(TestServer.json(t.get(SKILL + "/tags")).get("yanked").properties()).isEmpty();
            problem(t.get(SKILL + "/tags/nightly"), 404);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void with_every_version_yanked_the_skill_is_readable_but_has_no_latest_and_no_index_entry(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);

            yank(t, actors, "1.0.0", true);
            yank(t, actors, "1.1.0", true);

            HttpResponse<String> skill = t.get(SKILL);
            assertThat(skill.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(skill).get("latest").isNull()).isTrue();
            assertThat(TestServer.json(skill).get("status").asString()).isEqualTo("active");
            JsonNode versions = TestServer.json(t.get(SKILL + "/versions")).get("items");
            assertThat(versions).hasSize(2).allSatisfy(v -> assertThat(v.get("yanked").asBoolean()).isTrue());
            assertThat(TestServer.json(t.get(SKILL + "/tags")).get("tags").properties()).isEmpty();
            assertThat(problem(t.get(SKILL + "/tags/latest"), 404).get("detail").asString())
                    .contains("no version that is not yanked");
            assertThat(t.get(SKILL + "/versions/1.1.0/archive").statusCode()).isEqualTo(200);
            assertThat(TestServer.json(t.get("/.well-known/agent-skills/index.json")).get("skills")).isEmpty();
            assertThat(TestServer.json(t.get("/.well-known/skills/index.json")).get("skills")).isEmpty();
            problem(t.get("/ns/acme@pdf-tools/.well-known/agent-skills/index.json"), 404);
            problem(t.get("/.well-known/skills/pdf-tools/SKILL.md"), 404);
            assertThat(TestServer.json(t.get("/api/search?q=pdf")).get("skills")).isEmpty();

            yank(t, actors, "1.0.0", false);

            assertThat(latest(t)).isEqualTo("1.0.0");
            assertThat(TestServer.json(t.get("/.well-known/agent-skills/index.json")).get("skills").get(0)
                    .get("url").asString()).contains("/versions/1.0.0/archive");
        }
    }
}
