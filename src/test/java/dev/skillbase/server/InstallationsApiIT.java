package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.Scope;
import dev.skillbase.testing.DbKind;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Recording installations over HTTP: created then updated (201, then 200 with the usage figures), listed under
 * /api/v1/me/installations, and the skill's install count (distinct users) in its view, its list entry and
 * /api/search, never stale in the server's cache; concurrent requests neither lose nor double a count. On SQLite and
 * PostgreSQL.
 */
class InstallationsApiIT {
    private static final String SKILL = "/api/v1/skills/acme/pdf-tools";
    private static final String INSTALL = SKILL + "/install";

    private static String install(String version, String agent, String scope) {
        return "{\"version\":\"" + version + "\",\"agent\":\"" + agent + "\",\"scope\":\"" + scope + "\"}";
    }

    private static long installs(TestServer t) {
        return TestServer.json(t.get(SKILL)).get("counters").get("installs").asLong();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void recording_again_updates_the_installation_and_counts_reinstalls_and_updates(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);

            HttpResponse<String> created = t.call("POST", INSTALL, actors.mia, install("1.0.0", "claude-code",
                    "project"));
            HttpResponse<String> again = t.call("POST", INSTALL, actors.mia, install("1.0.0", "claude-code",
                    "project"));
            HttpResponse<String> updated = t.call("POST", INSTALL, actors.mia,
                    "{\"version\":\"1.1.0\",\"agent\":\"claude-code\",\"auto_update\":true}");

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode first = TestServer.json(created);
            assertThat(first.get("skill").asString()).isEqualTo("acme/pdf-tools");
            assertThat(first.get("reinstalls").asLong()).isZero();
            assertThat(first.get("skill_installs").asLong()).isEqualTo(1);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(TestServer.json(again).get("reinstalls").asLong()).isEqualTo(1);
            assertThat(TestServer.json(again).get("installed_at").asString())
                    .isEqualTo(first.get("installed_at").asString());
            JsonNode last = TestServer.json(updated);
            assertThat(updated.statusCode()).isEqualTo(200);
            assertThat(last.get("version").asString()).isEqualTo("1.1.0");
            assertThat(last.get("scope").asString()).isEqualTo("project");
            assertThat(last.get("auto_update").asBoolean()).isTrue();
            assertThat(last.get("reinstalls").asLong()).isEqualTo(1);
            assertThat(last.get("updates").asLong()).isEqualTo(1);
            assertThat(last.get("latest_version").asString()).isEqualTo("1.1.0");

            JsonNode mine = TestServer.json(t.call("GET", "/api/v1/me/installations", actors.mia, null));
            assertThat(mine.get("total").asLong()).isEqualTo(1);
            assertThat(mine.get("items").get(0).get("agent").asString()).isEqualTo("claude-code");
            assertThat(mine.get("items").get(0).get("version").asString()).isEqualTo("1.1.0");
            assertThat(TestServer.json(t.call("GET", "/api/v1/me/installations", actors.max, null)).get("total")
                    .asLong()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void the_install_count_is_distinct_users_and_the_cached_skill_follows_every_change(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            HttpResponse<String> before = t.get(SKILL);
            String etag = before.headers().firstValue("ETag").orElseThrow();
            assertThat(installs(t)).isZero();

            t.call("POST", INSTALL, actors.mia, install("1.0.0", "claude-code", "project"));
            assertThat(installs(t)).isEqualTo(1);
            assertThat(t.get(SKILL, "If-None-Match", etag).statusCode()).isEqualTo(200);
            t.call("POST", INSTALL, actors.mia, install("1.0.0", "cursor", "project"));
            t.call("POST", INSTALL, actors.mia, install("1.0.0", "cursor", "global"));
            assertThat(installs(t)).as("one user, three installations").isEqualTo(1);
            t.call("POST", INSTALL, actors.oscar, install("1.1.0", "codex", "global"));
            assertThat(installs(t)).isEqualTo(2);
            assertThat(TestServer.json(t.get("/api/v1/skills?namespace=acme")).get("items").get(0).get("installs")
                    .asLong()).isEqualTo(2);
            assertThat(TestServer.json(t.get("/api/search?q=pdf")).get("skills").get(0).get("installs").asLong())
                    .isEqualTo(2);

            assertThat(t.call("DELETE", INSTALL + "?agent=cursor&scope=global", actors.mia, null).statusCode())
                    .isEqualTo(204);
            assertThat(installs(t)).as("mia still has two").isEqualTo(2);
            assertThat(t.call("DELETE", INSTALL, actors.mia, null).statusCode()).isEqualTo(204);
            assertThat(installs(t)).isEqualTo(1);
            ProblemAssert.problem(t.call("DELETE", INSTALL, actors.mia, null), 404);
            assertThat(TestServer.json(t.call("GET", "/api/v1/me/installations", actors.mia, null)).get("total")
                    .asLong()).isZero();
            assertThat(t.call("DELETE", INSTALL + "?scope=global", actors.oscar, null).statusCode()).isEqualTo(204);
            assertThat(installs(t)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void concurrent_requests_neither_lose_nor_double_a_count(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                var user = t.registry.accounts().createUser("user-" + i, false);
                tokens.add(t.registry.accounts().issueToken(user, EnumSet.of(Scope.READ), Optional.empty(),
                        Optional.empty()).secret());
            }
            List<Callable<Integer>> posts = new ArrayList<>();
            for (String token : tokens) {
                for (String agent : List.of("claude-code", "cursor", "claude-code", "cursor")) {
                    posts.add(() -> t.call("POST", INSTALL, token, install("1.0.0", agent, "project")).statusCode());
                }
            }
            List<Integer> statuses = runAll(posts);

            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses.stream().filter(s -> s == 201)).as("one creation per user and agent").hasSize(16);
            assertThat(installs(t)).isEqualTo(8);

            List<Callable<Integer>> deletes = new ArrayList<>();
            for (String token : tokens.subList(0, 5)) {
                deletes.add(() -> t.call("DELETE", INSTALL + "?agent=cursor", token, null).statusCode());
                deletes.add(() -> t.call("DELETE", INSTALL + "?agent=claude-code", token, null).statusCode());
                deletes.add(() -> t.call("POST", INSTALL, token, install("1.1.0", "codex", "global")).statusCode());
            }
            assertThat(runAll(deletes)).containsOnly(201, 204);
            assertThat(installs(t)).as("every user still has the codex installation").isEqualTo(8);
            for (String token : tokens.subList(0, 5)) {
                t.call("DELETE", INSTALL, token, null);
            }
            assertThat(installs(t)).isEqualTo(3);
        }
    }

    private static List<Integer> runAll(List<Callable<Integer>> calls) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> futures = pool.invokeAll(calls);
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
