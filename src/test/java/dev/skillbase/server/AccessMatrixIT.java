package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.Role;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.TestArchives;
import dev.skillbase.testing.DbKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutating endpoint, called by every kind of caller, answers with the expected status; after every refusal
 * the skill, its versions and tags, and the namespaces read back exactly as before. On SQLite and PostgreSQL.
 */
class AccessMatrixIT {
    private static final String SKILL = "/api/v1/skills/acme/pdf-tools";
    private static final List<Actors.Caller> CALLERS = List.of(Actors.Caller.values());

    /** One endpoint: the request a caller makes, and the status each caller gets (in {@link Actors.Caller} order). */
    record Endpoint(String name, Request call, List<Integer> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A caller's request: {@code token} is null for an anonymous caller. */
    @FunctionalInterface
    interface Request {
        HttpResponse<String> send(TestServer t, String token, Actors.Caller caller);
    }

    private static String slug(Actors.Caller caller) {
        return caller.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST /skills", (t, token, c) -> t.call("POST", "/api/v1/skills", token,
                        "{\"namespace\":\"acme\",\"name\":\"new-" + slug(c) + "\"}"),
                        List.of(401, 403, 403, 403, 201, 201, 201)),
                new Endpoint("POST versions (publish)", (t, token, c) -> {
                    HttpRequest.Builder b = t.request(SKILL + "/versions").header("Content-Type", "application/gzip")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(
                                    TestArchives.skill("pdf-tools", "2.0." + c.ordinal()).tarGz()));
                    if (token != null) {
                        b.header("Authorization", "Bearer " + token);
                    }
                    return t.send(b.build());
                }, List.of(401, 403, 403, 403, 201, 201, 201)),
                new Endpoint("PATCH skill", (t, token, c) -> t.call("PATCH", SKILL, token,
                        "{\"title\":\"By " + slug(c) + "\"}"), List.of(401, 403, 403, 403, 200, 200, 200)),
                new Endpoint("DELETE skill", (t, token, c) -> t.call("DELETE", SKILL, token, null),
                        List.of(401, 403, 403, 403, 403, 200, 200)),
                new Endpoint("POST yank", (t, token, c) -> t.call("POST", SKILL + "/versions/1.0.0/yank", token, null),
                        List.of(401, 403, 403, 403, 200, 200, 200)),
                new Endpoint("DELETE yank", (t, token, c) -> t.call("DELETE", SKILL + "/versions/1.1.0/yank", token,
                        null), List.of(401, 403, 403, 403, 200, 200, 200)),
                new Endpoint("PUT tag", (t, token, c) -> t.call("PUT", SKILL + "/tags/stable", token,
                        "{\"version\":\"1.0.0\"}"), List.of(401, 403, 403, 403, 200, 200, 200)),
                new Endpoint("DELETE tag", (t, token, c) -> t.call("DELETE", SKILL + "/tags/t-" + slug(c), token, null),
                        List.of(401, 403, 403, 403, 204, 204, 204)),
                new Endpoint("PUT member", (t, token, c) -> t.call("PUT", "/api/v1/namespaces/acme/members/newbie",
                        token, "{\"role\":\"member\"}"), List.of(401, 403, 403, 403, 403, 200, 200)),
                new Endpoint("DELETE member", (t, token, c) -> t.call("DELETE", "/api/v1/namespaces/acme/members/gone-"
                        + slug(c), token, null), List.of(401, 403, 403, 403, 403, 204, 204)),
                new Endpoint("POST namespace", (t, token, c) -> t.call("POST", "/api/v1/namespaces", token,
                        "{\"name\":\"ns-" + slug(c) + "\",\"kind\":\"org\"}"), List.of(401, 403, 201, 201, 201, 201, 201)));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (DbKind kind : DbKind.values()) {
            endpoints().forEach(e -> cases.add(Arguments.of(kind, e)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void every_caller_gets_the_expected_status_and_refusals_change_nothing(DbKind kind, Endpoint endpoint) {
        try (TestServer t = TestServer.start(kind, s -> ServerSettings.local(s.database(), false))) {
            Actors actors = Actors.in(t);
            prepare(t);
            for (Actors.Caller caller : CALLERS) {
                int expected = endpoint.expected().get(caller.ordinal());
                String before = state(t, actors);
                HttpResponse<String> response = endpoint.call().send(t, actors.token(caller), caller);
                assertThat(response.statusCode()).as(endpoint + " by " + caller + ": " + response.body())
                        .isEqualTo(expected);
                if (expected >= 400) {
                    ProblemAssert.problem(response, expected);
                    if (expected == 401) {
                        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                                h -> assertThat(h).startsWith("Bearer"));
                    }
                    assertThat(state(t, actors)).as("state after " + endpoint + " by " + caller).isEqualTo(before);
                }
            }
        }
    }

    /** Tags and members that the DELETE endpoints remove, one per caller. */
    private static void prepare(TestServer t) {
        SkillRef ref = new SkillRef("acme", "pdf-tools");
        t.registry.accounts().createUser("newbie", false);
        for (Actors.Caller caller : CALLERS) {
            t.registry.setVersionTag(ref, "t-" + slug(caller), "1.1.0");
            t.registry.accounts().createUser("gone-" + slug(caller), false);
            t.registry.accounts().setMember("acme", "gone-" + slug(caller), Role.MEMBER);
        }
        t.registry.yank(ref, "1.1.0", true);
    }

    /** Everything the endpoints could change, as the admin reads it over the API. */
    private static String state(TestServer t, Actors actors) {
        StringBuilder state = new StringBuilder();
        for (String path : List.of(SKILL, SKILL + "/versions", SKILL + "/tags", "/api/v1/namespaces/acme",
                "/api/v1/skills?namespace=acme&limit=100", "/api/v1/namespaces/ns-read-only",
                "/api/v1/namespaces/ns-none")) {
            HttpResponse<String> response = t.call("GET", path, actors.ada, null);
            state.append(path).append(' ').append(response.statusCode()).append(' ')
                    .append(response.statusCode() == 200 ? response.body() : "").append('\n');
        }
        return state.toString();
    }
}
