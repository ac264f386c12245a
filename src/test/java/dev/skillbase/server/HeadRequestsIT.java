package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.DbKind;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every GET endpoint answers HEAD with the status and headers GET would send, and no body. */
class HeadRequestsIT {
    private static final String SKILL = "/api/v1/skills/acme/pdf-tools";
    /** Headers that differ between any two responses. */
    private static final Set<String> PER_RESPONSE = Set.of("date", "x-request-id");

    @Test
    void every_get_route_is_also_a_head_route() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            Set<String> gets = paths(t, "GET");
            Set<String> heads = paths(t, "HEAD");

            assertThat(gets).hasSizeGreaterThan(15);
            assertThat(heads).isEqualTo(gets);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void head_answers_like_get_without_a_body(DbKind kind) throws InterruptedException {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            String etag = t.get(SKILL).headers().firstValue("ETag").orElseThrow();
            List<List<String>> requests = List.of(
                    List.of("/health"),
                    List.of("/api/v1/openapi.json"),
                    List.of("/api/v1/skills?limit=1"),
                    List.of(SKILL),
                    List.of(SKILL, "If-None-Match", etag),
                    List.of(SKILL + "/versions"),
                    List.of(SKILL + "/versions/1.1.0"),
                    List.of(SKILL + "/versions/1.1.0/archive"),
                    List.of(SKILL + "/versions/1.1.0/archive?format=zip"),
                    List.of(SKILL + "/versions/1.1.0/files/SKILL.md"),
                    List.of(SKILL + "/tags"),
                    List.of(SKILL + "/stats?days=7"),
                    List.of("/api/v1/trending?window=30d"),
                    List.of("/.well-known/agent-skills/index.json"),
                    List.of("/ns/acme/.well-known/skills/index.json"),
                    List.of("/.well-known/skills/pdf-tools/SKILL.md"),
                    List.of("/api/search?q=pdf"),
                    List.of("/api/v1/namespaces/acme"),
                    List.of("/api/v1/tokens", "Authorization", "Bearer " + actors.max),
                    List.of("/api/v1/tokens"),
                    List.of("/api/v1/skills/acme/no-such-skill"),
                    List.of("/api/v1/skills/Bad--Name/x"),
                    List.of("/api/v1/skills?sort=colour"));

            for (List<String> request : requests) {
                // events of the requests before are written first, so that /health, stats and trending hold still
                assertThat(t.server.events().flush(java.time.Duration.ofSeconds(30))).isTrue();
                String path = request.getFirst();
                String[] headers = request.subList(1, request.size()).toArray(String[]::new);
                HttpResponse<byte[]> get = t.send(build(t, "GET", path, headers), HttpResponse.BodyHandlers.ofByteArray());
                HttpResponse<byte[]> head = t.send(build(t, "HEAD", path, headers),
                        HttpResponse.BodyHandlers.ofByteArray());

                assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
                assertThat(comparable(head.headers())).as("HEAD " + path).isEqualTo(comparable(get.headers()));
                assertThat(head.body()).as("HEAD " + path).isEmpty();
                assertThat(get.statusCode() == 304 || get.body().length > 0).as("GET " + path + " has a body").isTrue();
            }
        }
    }

    @Test
    void a_head_request_to_a_route_without_get_is_405() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            HttpResponse<String> head = t.send(build(t, "HEAD", "/api/v1/namespaces"));

            assertThat(head.statusCode()).isEqualTo(405);
            assertThat(head.body()).isEmpty();
        }
    }

    private static Set<String> paths(TestServer t, String method) {
        return t.server.routes().stream().filter(r -> r.method().equals(method)).map(SkillbaseServer.Route::path)
                .collect(Collectors.toSet());
    }

    private static HttpRequest build(TestServer t, String method, String path, String... headers) {
        HttpRequest.Builder builder = t.request(path).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    private static Map<String, List<String>> comparable(HttpHeaders headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.map().forEach((name, values) -> {
            if (!PER_RESPONSE.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                kept.put(name.toLowerCase(java.util.Locale.ROOT), values);
            }
        });
        return kept;
    }
}
