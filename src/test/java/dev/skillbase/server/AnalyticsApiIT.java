package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.Namespace;
import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.TrackedEvent;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestRequests;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Analytics over HTTP on SQLite and PostgreSQL: the server's own reads and install records counted per day, events
 * tracked by clients, stats over a range, trending, private namespaces kept from others, bad input named, and a
 * burst of requests written in full when the server closes.
 */
class AnalyticsApiIT {
    private static final SkillRef PDF = new SkillRef("acme", "pdf-tools");
    private static final String STATS = "/api/v1/skills/acme/pdf-tools/stats";

    private static void flush(TestServer t) throws InterruptedException {
        assertThat(t.server.events().flush(Duration.ofSeconds(30))).isTrue();
    }

    private static JsonNode today(JsonNode stats) {
        JsonNode days = stats.get("days");
        JsonNode last = days.get(days.size() - 1);
        assertThat(last.get("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        return last.get("events");
    }

    private static void append(TestServer t, SkillRef skill, AnalyticsEvent event, String day, int times) {
        List<TrackedEvent> events = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            events.add(new TrackedEvent(skill, event, TrackedEvent.Source.SERVER, Optional.empty(),
                    Instant.parse(day + "T10:00:00Z")));
        }
        t.registry.analytics().append(events);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void reads_searches_suggestions_and_installs_are_counted_per_day(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            for (int i = 0; i < 3; i++) {
                assertThat(t.get("/api/v1/skills/acme/pdf-tools").statusCode()).isEqualTo(200);
            }
            t.send(t.request("/api/v1/skills/acme/pdf-tools").method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(t.get("/api/v1/skills?q=pdf").statusCode()).isEqualTo(200);
            assertThat(t.get("/api/search?q=pdf").statusCode()).isEqualTo(200);
            assertThat(t.call("PUT", "/api/v1/skills/acme/pdf-tools/packages", actors.olivia,
                    "{\"package\":\"npm:pdfkit\"}").statusCode()).isEqualTo(200);
            assertThat(t.get("/api/v1/packages/npm/pdfkit/skills").statusCode()).isEqualTo(200);
            assertThat(t.call("POST", "/api/v1/skills/acme/pdf-tools/install", actors.mia,
                    "{\"version\":\"1.1.0\",\"agent\":\"claude-code\"}").statusCode()).isEqualTo(201);
            assertThat(t.call("DELETE", "/api/v1/skills/acme/pdf-tools/install", actors.mia, null).statusCode())
                    .isEqualTo(204);
            flush(t);

            JsonNode stats = TestServer.json(t.get(STATS));

            assertThat(stats.get("skill").asString()).isEqualTo("acme/pdf-tools");
            assertThat(stats.get("days").size()).isEqualTo(30);
            assertThat(today(stats).toString()).isEqualTo("{\"viewed\":3,\"searched\":2,\"suggested\":1,"
                    + "\"installed\":1,\"uninstalled\":1,\"executed\":0}");
            assertThat(stats.get("totals")).isEqualTo(today(stats));
            assertThat(t.registry.analytics().recorded(PDF, AnalyticsEvent.VIEWED)).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void clients_track_events_of_skills_they_may_read(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);

            HttpResponse<String> tracked = t.call("POST", "/api/v1/analytics/track", null,
                    "{\"event\":\"executed\",\"skill\":\"acme/pdf-tools\",\"version\":\"1.1.0\"}");
            flush(t);

            assertThat(tracked.statusCode()).isEqualTo(202);
            assertThat(TestServer.json(tracked).get("event").asString()).isEqualTo("executed");
            assertThat(today(TestServer.json(t.get(STATS))).get("executed").asLong()).isEqualTo(1);
            assertThat(TestServer.json(t.get("/health")).get("analytics").get("written").asLong()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bad_track_bodies_get_a_problem_naming_each_field(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);
            String track = "/api/v1/analytics/track";

            assertThat(ProblemAssert.fields(ProblemAssert.problem(t.call("POST", track, null, "{}"), 422)))
                    .containsExactlyInAnyOrder("event", "skill");
            JsonNode wrong = ProblemAssert.problem(t.call("POST", track, null,
                    "{\"event\":\"liked\",\"skill\":\"acme\",\"version\":\"one\",\"ip\":\"10.0.0.1\"}"), 422);
            assertThat(ProblemAssert.fields(wrong)).containsExactlyInAnyOrder("event", "skill", "version", "ip");
            assertThat(wrong.get("errors").toString()).contains("is not one of viewed, searched, suggested");
            ProblemAssert.problem(t.call("POST", track, null, "{\"event\":"), 400);
            ProblemAssert.problem(t.post(track, "text/plain", "viewed".getBytes()), 415);
            ProblemAssert.problem(t.call("POST", track, null,
                    "{\"event\":\"viewed\",\"skill\":\"acme/no-such-skill\"}"), 404);
            flush(t);

            assertThat(TestServer.json(t.get(STATS)).get("totals").get("viewed").asLong()).isZero();
            assertThat(t.server.events().counters().written()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void stats_cover_the_range_asked_and_refuse_a_bad_one(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);
            append(t, PDF, AnalyticsEvent.VIEWED, "2026-01-01", 2);
            append(t, PDF, AnalyticsEvent.INSTALLED, "2026-01-03", 1);
            append(t, PDF, AnalyticsEvent.VIEWED, "2026-01-04", 5);

            JsonNode stats = TestServer.json(t.get(STATS + "?from=2026-01-01&to=2026-01-03"));

            assertThat(stats.get("from").asString()).isEqualTo("2026-01-01");
            assertThat(stats.get("days").size()).isEqualTo(3);
            assertThat(stats.get("days").get(0).get("events").get("viewed").asLong()).isEqualTo(2);
            assertThat(stats.get("days").get(1).get("events").get("viewed").asLong()).isZero();
            assertThat(stats.get("days").get(2).get("events").get("installed").asLong()).isEqualTo(1);
            assertThat(stats.get("totals").get("viewed").asLong()).isEqualTo(2);
            assertThat(TestServer.json(t.get(STATS + "?days=7")).get("days").size()).isEqualTo(7);
            assertThat(ProblemAssert.fields(ProblemAssert.problem(t.get(STATS + "?days=0"), 400)))
                    .containsExactly("days");
            ProblemAssert.problem(t.get(STATS + "?days=7&from=2026-01-01"), 400);
            assertThat(ProblemAssert.fields(ProblemAssert.problem(t.get(STATS + "?from=2026-01-05&to=2026-01-01"),
                    400))).containsExactly("from");
            ProblemAssert.problem(t.get(STATS + "?from=2024-01-01&to=2026-01-01"), 400);
            assertThat(ProblemAssert.fields(ProblemAssert.problem(t.get(STATS + "?to=yesterday"), 400)))
                    .containsExactly("to");
            ProblemAssert.problem(t.get("/api/v1/skills/acme/no-such-skill/stats"), 404);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void trending_ranks_by_weighted_events_within_the_window(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);
            t.registry.publish(TestRequests.of(TestRequests.fixture("pdf-tools"), "rival", "1.0.0", "", List.of()));
            SkillRef rival = new SkillRef("rival", "pdf-tools");
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            append(t, PDF, AnalyticsEvent.VIEWED, today, 4);
            append(t, rival, AnalyticsEvent.INSTALLED, today, 1);
            append(t, PDF, AnalyticsEvent.INSTALLED, LocalDate.now(ZoneOffset.UTC).minusDays(20).toString(), 3);

            JsonNode week = TestServer.json(t.get("/api/v1/trending?window=7d"));
            JsonNode month = TestServer.json(t.get("/api/v1/trending?window=30d&limit=1"));

            assertThat(week.get("window").asString()).isEqualTo("7d");
            assertThat(week.get("to").asString()).isEqualTo(today);
            assertThat(week.get("items").size()).isEqualTo(2);
            assertThat(week.get("items").get(0).get("skill").asString()).isEqualTo("rival/pdf-tools");
            assertThat(week.get("items").get(0).get("score").asLong()).isEqualTo(10);
            assertThat(week.get("items").get(1).get("score").asLong()).isEqualTo(8);
            assertThat(week.get("items").get(1).get("events").get("viewed").asLong()).isEqualTo(4);
            assertThat(month.get("items").size()).isEqualTo(1);
            assertThat(month.get("items").get(0).get("skill").asString()).isEqualTo("acme/pdf-tools");
            assertThat(month.get("items").get(0).get("score").asLong()).isEqualTo(38);
            assertThat(ProblemAssert.fields(ProblemAssert.problem(t.get("/api/v1/trending?window=2d"), 400)))
                    .containsExactly("window");
            ProblemAssert.problem(t.get("/api/v1/trending?limit=101"), 400);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void events_of_a_private_namespace_are_shown_to_its_members_only(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            t.registry.accounts().createNamespace("hidden", Namespace.Kind.ORG, Optional.of("mia"), true);
            t.registry.publish(TestRequests.of(TestRequests.fixture("pdf-tools"), "hidden", "1.0.0", "", List.of()));
            String stats = "/api/v1/skills/hidden/pdf-tools/stats";
            String body = "{\"event\":\"viewed\",\"skill\":\"hidden/pdf-tools\"}";

            ProblemAssert.problem(t.call("POST", "/api/v1/analytics/track", null, body), 404);
            ProblemAssert.problem(t.call("POST", "/api/v1/analytics/track", actors.oscar, body), 404);
            assertThat(t.call("POST", "/api/v1/analytics/track", actors.mia, body).statusCode()).isEqualTo(202);
            assertThat(t.call("GET", "/api/v1/skills/hidden/pdf-tools", actors.mia, null).statusCode())
                    .isEqualTo(200);
            flush(t);

            ProblemAssert.problem(t.get(stats), 404);
            ProblemAssert.problem(t.call("GET", stats, actors.oscar, null), 404);
            assertThat(TestServer.json(t.call("GET", stats, actors.mia, null)).get("totals").get("viewed").asLong())
                    .isEqualTo(2);
            assertThat(TestServer.json(t.get("/api/v1/trending")).get("items")).isEmpty();
            assertThat(TestServer.json(t.call("GET", "/api/v1/trending", actors.oscar, null)).get("items")).isEmpty();
            assertThat(TestServer.json(t.call("GET", "/api/v1/trending", actors.mia, null)).get("items").get(0)
                    .get("skill").asString()).isEqualTo("hidden/pdf-tools");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_burst_of_reads_is_written_in_full_when_the_server_closes(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                calls.add(t.http.sendAsync(t.request("/api/v1/skills/acme/pdf-tools").GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            calls.forEach(call -> assertThat(call.join().statusCode()).isEqualTo(200));

            t.server.close();

            assertThat(t.registry.analytics().recorded(PDF, AnalyticsEvent.VIEWED)).isEqualTo(300);
            assertThat(t.server.events().counters()).isEqualTo(
                    new dev.skillbase.analytics.EventRecorder.Counters(0, 300, 0, 0));
        }
    }
}
