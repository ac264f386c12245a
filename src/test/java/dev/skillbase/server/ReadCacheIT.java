package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.NewSkill;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.skill.TestArchives;
import dev.skillbase.store.Database;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.testing.DbKind;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server keeps skill answers and anonymous search pages in memory ({@link SkillResponseCache},
 * {@link PageCache}): every change through the server is seen by the very next request, a private skill is
 * never shown to someone who may not see it whoever filled the cache, and a change made by another process is seen
 * at the {@link ChangeWatcher}'s next poll (or, when it moves no stamp, once the entry is older than the age bound).
 */
class ReadCacheIT {
    private static final String SKILL = "/api/v1/skills/acme/pdf-tools";

    private static JsonNodeView get(TestServer t, String path, String token) {
        return new JsonNodeView(t.call("GET", path, token, null));
    }

    private record JsonNodeView(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String field(String name) {
            return TestServer.json(response).get(name).asString();
        }

        String etag() {
            return response.headers().firstValue("ETag").orElseThrow();
        }
    }

    private static List<String> found(TestServer t, String query, String token) {
        List<String> names = new ArrayList<>();
        TestServer.json(t.call("GET", "/api/v1/skills?q=" + query, token, null)).get("items")
                .forEach(i -> names.add(i.get("namespace").asString() + "/" + i.get("name").asString()));
        return names;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_patch_through_the_server_is_seen_by_the_next_read_with_a_new_etag(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            JsonNodeView before = get(t, SKILL, null);
            assertThat(get(t, SKILL, null).etag()).isEqualTo(before.etag());

            assertThat(t.call("PATCH", SKILL, actors.max, "{\"title\": \"Tables out of PDFs\"}").statusCode())
                    .isEqualTo(200);

            JsonNodeView after = get(t, SKILL, null);
            assertThat(after.field("title")).isEqualTo("Tables out of PDFs");
            assertThat(after.etag()).isNotEqualTo(before.etag());
            assertThat(t.get(SKILL, "If-None-Match", before.etag()).statusCode()).isEqualTo(200);
            assertThat(t.get(SKILL, "If-None-Match", after.etag()).statusCode()).isEqualTo(304);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void publish_yank_and_archive_through_the_server_are_seen_at_once(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            assertThat(TestServer.json(get(t, SKILL, null).response()).get("latest").get("version").asString())
                    .isEqualTo("1.1.0");

            assertThat(t.publish("acme", "pdf-tools", TestArchives.skill("pdf-tools", "1.2.0").tarGz()).statusCode())
                    .isEqualTo(201);
            assertThat(TestServer.json(get(t, SKILL, null).response()).get("latest").get("version").asString())
                    .isEqualTo("1.2.0");

            assertThat(t.call("POST", SKILL + "/versions/1.2.0/yank", actors.max, null).statusCode()).isEqualTo(200);
            assertThat(TestServer.json(get(t, SKILL, null).response()).get("latest").get("version").asString())
                    .isEqualTo("1.1.0");

            assertThat(t.call("DELETE", SKILL, actors.olivia, null).statusCode()).isEqualTo(200);
            assertThat(get(t, SKILL, null).field("status")).isEqualTo("archived");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void an_anonymous_list_page_follows_every_change_through_the_server(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            String list = "/api/v1/skills?namespace=acme&sort=name";
            List<String> before = listed(t, list, null);
            assertThat(before).anyMatch(item -> item.startsWith("pdf-tools=")).doesNotContain("pdf-tools=Tables out of PDFs");
            assertThat(listed(t, list, null)).as("read again, from memory").isEqualTo(before);

            assertThat(t.call("PATCH", SKILL, actors.max, "{\"title\": \"Tables out of PDFs\"}").statusCode())
                    .isEqualTo(200);
            assertThat(listed(t, list, null)).contains("pdf-tools=Tables out of PDFs");

            assertThat(t.call("PATCH", SKILL, actors.olivia, "{\"visibility\": \"private\"}").statusCode())
                    .isEqualTo(200);
            assertThat(listed(t, list, null)).noneMatch(item -> item.startsWith("pdf-tools="));
            assertThat(listed(t, list, actors.mia)).as("a member").contains("pdf-tools=Tables out of PDFs");
        }
    }

    private static List<String> listed(TestServer t, String path, String token) {
        List<String> items = new ArrayList<>();
        TestServer.json(t.call("GET", path, token, null)).get("items")
                .forEach(i -> items.add(i.get("name").asString() + "=" + i.get("title").asString()));
        return items;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_skill_made_private_through_the_server_is_404_to_outsiders_at_once(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            assertThat(get(t, SKILL, null).status()).isEqualTo(200);
            assertThat(found(t, "pdf", null)).containsExactly("acme/pdf-tools");

            assertThat(t.call("PATCH", SKILL, actors.olivia, "{\"visibility\": \"private\"}").statusCode())
                    .isEqualTo(200);

            ProblemAssert.problem(t.call("GET", SKILL, null, null), 404);
            ProblemAssert.problem(t.call("GET", SKILL, actors.oscar, null), 404);
            assertThat(found(t, "pdf", null)).isEmpty();
            assertThat(found(t, "pdf", actors.oscar)).isEmpty();
            assertThat(get(t, SKILL, actors.mia).status()).isEqualTo(200);
            assertThat(found(t, "pdf", actors.mia)).containsExactly("acme/pdf-tools");
            assertThat(get(t, SKILL, actors.ada).status()).isEqualTo(200);

            assertThat(t.call("PATCH", SKILL, actors.olivia, "{\"visibility\": \"public\"}").statusCode())
                    .isEqualTo(200);
            assertThat(get(t, SKILL, null).status()).isEqualTo(200);
            assertThat(found(t, "pdf", null)).containsExactly("acme/pdf-tools");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_private_skill_read_by_a_member_first_stays_404_to_everyone_else(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            t.registry.update(new SkillRef("acme", "pdf-tools"), new SkillPatch(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("private"), Optional.empty(), Optional.empty()));
            assertThat(get(t, SKILL, actors.mia).status()).isEqualTo(200);
            assertThat(get(t, SKILL, actors.ada).status()).isEqualTo(200);

            ProblemAssert.problem(t.call("GET", SKILL, null, null), 404);
            ProblemAssert.problem(t.call("GET", SKILL, actors.oscar, null), 404);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_member_removed_through_the_server_no_longer_sees_the_private_skill(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            assertThat(t.call("PATCH", SKILL, actors.olivia, "{\"visibility\": \"private\"}").statusCode())
                    .isEqualTo(200);
            assertThat(get(t, SKILL, actors.mia).status()).isEqualTo(200);
            assertThat(found(t, "pdf", actors.mia)).containsExactly("acme/pdf-tools");

            assertThat(t.call("DELETE", "/api/v1/namespaces/acme/members/mia", actors.olivia, null).statusCode())
                    .isEqualTo(204);

            ProblemAssert.problem(t.call("GET", SKILL, actors.mia, null), 404);
            assertThat(found(t, "pdf", actors.mia)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_missing_skill_created_or_published_through_the_server_is_found_at_once(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            ProblemAssert.problem(t.call("GET", "/api/v1/skills/acme/csv-tools", null, null), 404);
            assertThat(found(t, "csv", null)).isEmpty();

            assertThat(t.call("POST", "/api/v1/skills", actors.max,
                    "{\"namespace\": \"acme\", \"name\": \"csv-tools\", \"description\": \"Reads csv files\"}")
                    .statusCode()).isEqualTo(201);
            assertThat(get(t, "/api/v1/skills/acme/csv-tools", null).field("status")).isEqualTo("draft");

            assertThat(t.publish("acme", "csv-tools", TestArchives.skill("csv-tools").tarGz()).statusCode())
                    .isEqualTo(201);
            assertThat(get(t, "/api/v1/skills/acme/csv-tools", null).field("status")).isEqualTo("active");
            assertThat(found(t, "csv", null)).containsExactly("acme/csv-tools");
        }
    }

    /** Two registries over one database stand for two servers: what one writes, the other sees at its next poll. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_change_made_by_another_process_is_seen_at_the_next_poll(DbKind kind) {
        try (TestServer t = TestServer.start(kind);
                LocalRegistry other = LocalRegistry.open(DatabaseUrl.parse(t.dbUrl))) {
            Actors.in(t);
            SkillRef ref = new SkillRef("acme", "pdf-tools");
            SkillRef absent = new SkillRef("acme", "made-elsewhere");
            try (SkillResponseCache skills = new SkillResponseCache(t.registry,
                    () -> new Links(URI.create("http://127.0.0.1")));
                    PageCache searches = new PageCache(t.registry);
                    ChangeWatcher watcher = new ChangeWatcher(t.registry, Clock.systemUTC(),
                            List.of(skills, searches))) {
                watcher.poll();
                assertThat(skills.readable(ref, Viewer.PUBLIC)).isPresent();
                assertThat(skills.readable(absent, Viewer.PUBLIC)).isEmpty();
                assertThat(searches.search("pdf", nameQuery()).page().total()).isEqualTo(1);

                other.update(ref, new SkillPatch(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of("private"), Optional.empty(), Optional.empty()));
                other.create(new NewSkill(absent, Optional.of("Made elsewhere"), Optional.of("Created elsewhere."), "",
                        List.of(), "public", Optional.empty(), Optional.empty()));

                assertThat(skills.readable(ref, Viewer.PUBLIC)).as("before the poll").isPresent();
                assertThat(skills.readable(absent, Viewer.PUBLIC)).as("before the poll").isEmpty();
                assertThat(searches.search("pdf", nameQuery()).page().total()).as("before the poll").isEqualTo(1);
                watcher.poll();
                assertThat(skills.readable(ref, Viewer.PUBLIC)).as("after the poll").isEmpty();
                assertThat(skills.readable(ref, Viewer.EVERYTHING)).isPresent();
                assertThat(skills.readable(absent, Viewer.PUBLIC)).as("after the poll").isPresent();
                assertThat(searches.search("pdf", nameQuery()).page().total()).as("after the poll").isZero();
            }
        }
    }

    /** What moves no updated_at (here an install count written by hand) is seen once the entry is old enough. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_change_that_moves_no_stamp_is_seen_once_the_entry_is_older_than_the_age_bound(DbKind kind) {
        try (TestServer t = TestServer.start(kind);
                Database other = Database.open(DatabaseUrl.parse(t.dbUrl))) {
            Actors.in(t);
            AtomicLong nanos = new AtomicLong();
            Ticker ticker = nanos::get;
            Duration bound = Duration.ofSeconds(60);
            SkillRef ref = new SkillRef("acme", "pdf-tools");
            try (SkillResponseCache skills = new SkillResponseCache(t.registry,
                    () -> new Links(URI.create("http://127.0.0.1")), bound, ticker);
                    ChangeWatcher watcher = new ChangeWatcher(t.registry, Clock.systemUTC(), List.of(skills))) {
                watcher.poll();
                assertThat(skills.readable(ref, Viewer.PUBLIC).orElseThrow().record().details().installs()).isZero();
                other.write("counting an install", handle -> handle.createUpdate(
                        "UPDATE skills SET installs = 7 WHERE name = 'pdf-tools'").execute());
                watcher.poll();

                nanos.addAndGet(bound.toNanos() - 1);
                assertThat(skills.readable(ref, Viewer.PUBLIC).orElseThrow().record().details().installs())
                        .as("within the bound").isZero();
                nanos.addAndGet(1);
                assertThat(skills.readable(ref, Viewer.PUBLIC).orElseThrow().record().details().installs())
                        .as("after the bound").isEqualTo(7);
            }
        }
    }

    private static SkillQuery nameQuery() {
        return new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                SkillQuery.Sort.NAME, 20, 0);
    }
}
