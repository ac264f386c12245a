package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.MatchHit;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.store.Database;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestVersions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Match with sentence vectors, on both databases: a task finds a skill by meaning where it shares no word with it,
 * vectors are computed off the publish path and follow the skill's text, and the viewer's rights still hold.
 */
class SemanticMatchIT {
    private static final String PHOTOS = "shrink my photos so that the website loads quicker";

    private static SkillQuery top(Viewer viewer) {
        return new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                SkillQuery.Sort.NAME, 10, 0, viewer);
    }

    private static List<String> names(Page<MatchHit> page) {
        return page.items().stream().map(hit -> hit.skill().ref().toString()).toList();
    }

    private static void publish(LocalRegistry registry, String name, String version, String description) {
        registry.publish(TestVersions.skill("acme", name).version(version).title(name.replace('-', ' '))
                .description(description).body("# " + name + "\n\nSee the description.\n").build());
    }

    private static void fixtures(LocalRegistry registry) {
        publish(registry, "postgres-tuning", "1.0.0", "Finds slow PostgreSQL queries with EXPLAIN, proposes indexes.");
        publish(registry, "pdf-forms", "1.0.0", "Fills in and extracts the fields of PDF forms.");
        publish(registry, "image-resize", "1.0.0", "Resizes and crops pictures, keeping the aspect ratio.");
    }

    private static LocalRegistry open(String url, MatchVectors vectors) {
        return LocalRegistry.open(DatabaseUrl.parse(url), Clock.systemUTC(), vectors);
    }

    private static long vectors(String url) {
        try (Database database = Database.open(DatabaseUrl.parse(url))) {
            return database.read("counting", h -> h.createQuery("SELECT count(*) FROM skill_embeddings")
                    .mapTo(Long.class).one());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_skill_that_shares_no_word_with_the_task_is_found_by_meaning_with_the_reason_semantic(DbKind kind) {
        String url = TestDatabases.freshUrl(kind);
        try (LocalRegistry keywords = open(url, MatchVectors.OFF)) {
            fixtures(keywords);
            assertThat(names(keywords.match(PHOTOS, top(Viewer.EVERYTHING)))).doesNotContain("acme/image-resize");
        }
        try (LocalRegistry fused = open(url, MatchVectors.ON_MATCH)) {
            MatchHit first = fused.match(PHOTOS, top(Viewer.EVERYTHING)).items().getFirst();

            assertThat(first.skill().ref()).isEqualTo(new SkillRef("acme", "image-resize"));
            assertThat(first.reason()).containsEntry("semantic", List.of());
            MatchHit keyword = fused.match("slow postgres queries", top(Viewer.EVERYTHING)).items().getFirst();
            assertThat(keyword.reason()).containsEntry("name", List.of("postgres")).doesNotContainKey("semantic");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void vectors_are_computed_off_the_publish_path_and_again_only_when_the_text_changes(DbKind kind) {
        String url = TestDatabases.freshUrl(kind);
        try (LocalRegistry registry = open(url, MatchVectors.ON_MATCH)) {
            fixtures(registry);
            assertThat(vectors(url)).isZero();

            registry.match(PHOTOS, top(Viewer.EVERYTHING));
            assertThat(vectors(url)).isEqualTo(3);

            publish(registry, "image-resize", "1.1.0", "Resizes and crops pictures, keeping the aspect ratio.");
            assertThat(vectors(url)).as("same text, same vector").isEqualTo(3);

            publish(registry, "image-resize", "2.0.0", "Transcribes audio recordings into written text.");
            assertThat(vectors(url)).as("a changed text drops its vector in the publish").isEqualTo(2);
            assertThat(names(registry.match("turn the podcast episode into a transcript", top(Viewer.EVERYTHING))))
                    .first().isEqualTo("acme/image-resize");
            assertThat(vectors(url)).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_private_skill_is_not_found_by_meaning_for_those_who_may_not_read_it(DbKind kind) {
        String url = TestDatabases.freshUrl(kind);
        try (LocalRegistry registry = open(url, MatchVectors.ON_MATCH)) {
            fixtures(registry);
            publish(registry, "secret-thumbnails", "1.0.0", "Makes small thumbnails of pictures for web pages.");
            registry.update(new SkillRef("acme", "secret-thumbnails"), new SkillPatch(Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("private"), Optional.empty(),
                    Optional.empty()));

            assertThat(names(registry.match(PHOTOS, top(Viewer.PUBLIC))))
                    .contains("acme/image-resize").doesNotContain("acme/secret-thumbnails");
            assertThat(names(registry.match(PHOTOS, top(Viewer.EVERYTHING)))).contains("acme/secret-thumbnails");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_registry_that_embeds_in_the_background_matches_with_the_vectors_another_process_stored(DbKind kind) {
        String url = TestDatabases.freshUrl(kind);
        try (LocalRegistry cli = open(url, MatchVectors.ON_MATCH)) {
            fixtures(cli);
            cli.match(PHOTOS, top(Viewer.EVERYTHING));
        }
        try (LocalRegistry server = open(url, MatchVectors.IN_BACKGROUND)) {
            MatchHit first = server.match(PHOTOS, top(Viewer.EVERYTHING)).items().getFirst();

            assertThat(first.skill().ref()).isEqualTo(new SkillRef("acme", "image-resize"));
            assertThat(first.reason()).containsKey("semantic");
        }
    }
}
