package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.Scope;
import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.ReviewInput;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestRequests;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Reviews over HTTP on SQLite and PostgreSQL: one per user per skill, written, replaced, patched and removed by their
 * author, removed by a moderator (audited), refused with the right status otherwise; the skill's rating (mean and
 * count) in its view and list entry, never stale in the server's cache; {@code sort=rating} by the smoothed rating.
 */
class ReviewsApiIT {
    private static final String SKILL = "/api/v1/skills/acme/pdf-tools";
    private static final String REVIEWS = SKILL + "/reviews";

    private static String review(int rating, String title) {
        return "{\"rating\":" + rating + ",\"title\":\"" + title + "\"}";
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private static JsonNode rating(TestServer t) {
        return TestServer.json(t.get(SKILL)).get("rating");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_user_has_one_review_per_skill_which_they_write_replace_patch_and_remove(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            assertThat(rating(t).get("average").isNull()).isTrue();
            assertThat(rating(t).get("count").asLong()).isZero();

            HttpResponse<String> created = t.call("POST", REVIEWS, actors.mia,
                    "{\"rating\":4,\"title\":\"Handy\",\"body\":\"Splits PDFs well.\",\"version\":\"1.0.0\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode first = TestServer.json(created);
            long id = first.get("id").asLong();
            assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(REVIEWS + "/" + id);
            assertThat(first.get("author").asString()).isEqualTo("mia");
            assertThat(first.get("version").asString()).isEqualTo("1.0.0");
            assertThat(rating(t).get("average").asDouble()).isEqualTo(4.0);

            HttpResponse<String> again = t.call("POST", REVIEWS, actors.mia, review(2, "Broke on 1.1"));
            assertThat(again.statusCode()).as("the same user's second review replaces the first").isEqualTo(200);
            assertThat(TestServer.json(again).get("id").asLong()).isEqualTo(id);
            assertThat(TestServer.json(again).get("version").isNull()).isTrue();
            t.call("POST", REVIEWS, actors.max, review(5, "Great"));
            assertThat(rating(t).get("count").asLong()).isEqualTo(2);
            assertThat(rating(t).get("average").asDouble()).isEqualTo(3.5);
            JsonNode listed = TestServer.json(t.get("/api/v1/skills?namespace=acme")).get("items").get(0);
            assertThat(listed.get("rating").get("average").asDouble()).isEqualTo(3.5);

            HttpResponse<String> patched = t.call("PATCH", REVIEWS + "/" + id, actors.mia, "{\"rating\":3}");
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            assertThat(TestServer.json(patched).get("title").asString()).isEqualTo("Broke on 1.1");
            HttpResponse<String> replaced = t.call("PUT", REVIEWS + "/" + id, actors.mia,
                    "{\"rating\":1,\"title\":\"Gone wrong\",\"version\":\"1.1.0\"}");
            assertThat(TestServer.json(replaced).get("version").asString()).isEqualTo("1.1.0");
            assertThat(rating(t).get("average").asDouble()).isEqualTo(3.0);

            JsonNode page = TestServer.json(t.get(REVIEWS + "?limit=1"));
            assertThat(page.get("total").asLong()).isEqualTo(2);
            assertThat(page.get("items")).hasSize(1);
            assertThat(page.get("items").get(0).get("author").asString()).as("last written first").isEqualTo("mia");
            assertThat(TestServer.json(t.get(REVIEWS + "?limit=1&offset=1")).get("items").get(0).get("author")
                    .asString()).isEqualTo("max");
            assertThat(TestServer.json(t.get(REVIEWS + "/" + id)).get("rating").asInt()).isEqualTo(1);

            assertThat(t.call("DELETE", REVIEWS + "/" + id, actors.mia, null).statusCode()).isEqualTo(204);
            ProblemAssert.problem(t.get(REVIEWS + "/" + id), 404);
            assertThat(rating(t).get("count").asLong()).isEqualTo(1);
            assertThat(rating(t).get("average").asDouble()).isEqualTo(5.0);
            assertThat(TestServer.json(t.call("GET", "/api/v1/audit?action=review.remove", actors.ada, null))
                    .get("total").asLong()).as("an author removing their own review is no moderation").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void reviews_are_refused_with_the_status_that_says_why_and_nothing_changes(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            long id = TestServer.json(t.call("POST", REVIEWS, actors.mia, review(4, "Fine"))).get("id").asLong();

            ProblemAssert.problem(t.call("POST", REVIEWS, null, review(5, "x")), 401);
            ProblemAssert.problem(t.call("POST", REVIEWS, actors.oliviaRead, review(5, "x")), 403);
            ProblemAssert.problem(t.call("POST", "/api/v1/skills/acme/nothing/reviews", actors.max, review(5, "x")),
                    404);
            ProblemAssert.problem(t.call("PUT", REVIEWS + "/" + id, actors.max, review(1, "Not mine")), 403);
            ProblemAssert.problem(t.call("PATCH", REVIEWS + "/" + id, actors.olivia, "{\"rating\":1}"), 403);
            ProblemAssert.problem(t.call("DELETE", REVIEWS + "/" + id, actors.max, null), 403);
            ProblemAssert.problem(t.call("DELETE", REVIEWS + "/" + id, actors.oscar, null), 403);
            ProblemAssert.problem(t.call("DELETE", REVIEWS + "/999", actors.max, null), 404);
            ProblemAssert.problem(t.call("GET", REVIEWS + "/abc", null, null), 400);

            HttpResponse<String> missing = t.call("POST", REVIEWS, actors.max, "{\"body\":\"no rating\"}");
            assertThat(ProblemAssert.fields(ProblemAssert.problem(missing, 422)))
                    .contains("rating", "title");
            HttpResponse<String> range = t.call("POST", REVIEWS, actors.max, "{\"rating\":6,\"title\":\""
                    + "t".repeat(201) + "\"}");
            assertThat(ProblemAssert.fields(ProblemAssert.problem(range, 422)))
                    .containsExactlyInAnyOrder("rating", "title");
            HttpResponse<String> version = t.call("POST", REVIEWS, actors.max,
                    "{\"rating\":5,\"title\":\"x\",\"version\":\"9.9.9\"}");
            assertThat(ProblemAssert.problem(version, 422).get("errors").get(0).get("field").asString())
                    .isEqualTo("version");
            ProblemAssert.problem(t.call("POST", REVIEWS, actors.max, "{\"rating\":5,\"title\":\"x\",\"stars\":1}"),
                    422);

            assertThat(rating(t).get("count").asLong()).isEqualTo(1);
            assertThat(rating(t).get("average").asDouble()).isEqualTo(4.0);
            assertThat(TestServer.json(t.get(REVIEWS)).get("total").asLong()).isEqualTo(1);

            assertThat(t.call("PATCH", SKILL, actors.olivia, "{\"visibility\":\"private\"}").statusCode())
                    .isEqualTo(200);
            ProblemAssert.problem(t.get(REVIEWS), 404);
            ProblemAssert.problem(t.call("GET", REVIEWS + "/" + id, actors.oscar, null), 404);
            ProblemAssert.problem(t.call("POST", REVIEWS, actors.oscar, review(1, "x")), 404);
            assertThat(t.call("GET", REVIEWS, actors.mia, null).statusCode()).as("a member reads them").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_moderator_removes_another_users_review_and_the_audit_log_says_who_and_what(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            long mia = TestServer.json(t.call("POST", REVIEWS, actors.mia, review(1, "Spam spam"))).get("id").asLong();
            long oscar = TestServer.json(t.call("POST", REVIEWS, actors.oscar, review(2, "Meh"))).get("id").asLong();

            assertThat(t.call("DELETE", REVIEWS + "/" + mia, actors.olivia, null).statusCode())
                    .as("an owner of the namespace").isEqualTo(204);
            assertThat(t.call("DELETE", REVIEWS + "/" + oscar, actors.ada, null).statusCode()).as("an admin")
                    .isEqualTo(204);

            JsonNode audit = TestServer.json(t.call("GET", "/api/v1/audit?action=review.remove", actors.ada, null));
            assertThat(audit.get("total").asLong()).isEqualTo(2);
            JsonNode byAdmin = audit.get("items").get(0);
            assertThat(byAdmin.get("actor").asString()).isEqualTo("ada");
            assertThat(byAdmin.get("target").asString()).isEqualTo("acme/pdf-tools");
            assertThat(byAdmin.get("details").get("author").asString()).isEqualTo("oscar");
            assertThat(byAdmin.get("details").get("review_id").asLong()).isEqualTo(oscar);
            JsonNode byOwner = audit.get("items").get(1);
            assertThat(byOwner.get("actor").asString()).isEqualTo("olivia");
            assertThat(byOwner.get("details").get("title").asString()).isEqualTo("Spam spam");
            assertThat(rating(t).get("count").asLong()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void sort_by_rating_puts_many_good_reviews_above_one_perfect_one(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);
            for (String name : List.of("loose-skill", "unrated")) {
                PublishRequest r = TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", "1.0.0", "", List.of());
                t.registry.publish(new PublishRequest(new SkillRef("acme", name), r.version(), r.document(),
                        r.bundle(), r.taxonomyPath(), r.tags(), r.sourceUrl(), r.changelog(), r.publishedBy()));
            }
            SkillRef many = new SkillRef("acme", "pdf-tools");
            SkillRef one = new SkillRef("acme", "loose-skill");
            for (int i = 0; i < 30; i++) {
                long user = t.registry.accounts().createUser("fan-" + i, false).id();
                t.registry.reviews().save(user, many, new ReviewInput(4, "Good", "", Optional.empty()));
            }
            long single = t.registry.accounts().createUser("single", false).id();
            t.registry.reviews().save(single, one, new ReviewInput(5, "Perfect", "", Optional.empty()));

            JsonNode sorted = TestServer.json(t.get("/api/v1/skills?namespace=acme&sort=rating")).get("items");
            assertThat(names(sorted))
                    .containsExactly("pdf-tools", "loose-skill", "unrated");
            assertThat(sorted.get(0).get("rating").get("count").asLong()).isEqualTo(30);
            assertThat(sorted.get(1).get("rating").get("average").asDouble()).isEqualTo(5.0);
            JsonNode unfiltered = TestServer.json(t.get("/api/v1/skills?sort=rating")).get("items");
            assertThat(names(unfiltered).getFirst()).isEqualTo("pdf-tools");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void concurrent_reviews_neither_lose_nor_double_a_rating(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            Actors.in(t);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                var user = t.registry.accounts().createUser("user-" + i, false);
                tokens.add(t.registry.accounts().issueToken(user, EnumSet.of(Scope.PUBLISH), Optional.empty(),
                        Optional.empty()).secret());
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    String token = tokens.get(i);
                    int stars = i % 2 == 0 ? 5 : 2;
                    statuses.add(pool.submit(() -> t.call("POST", REVIEWS, token, review(stars, "r")).statusCode()));
                }
                for (Future<Integer> status : statuses) {
                    assertThat(status.get()).isEqualTo(201);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(rating(t).get("count").asLong()).isEqualTo(8);
            assertThat(rating(t).get("average").asDouble()).isEqualTo(3.5);
        }
    }
}
