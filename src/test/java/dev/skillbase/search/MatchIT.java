package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.MatchHit;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestVersions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A task in plain words finds the skill that fits it first, on both databases, among the skills the viewer sees. */
class MatchIT {

    private static SkillQuery top(int limit, Viewer viewer) {
        return new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                SkillQuery.Sort.NAME, limit, 0, viewer);
    }

    private static List<String> names(Page<MatchHit> page) {
        return page.items().stream().map(hit -> hit.skill().ref().toString()).toList();
    }

    private static void publish(LocalRegistry registry, String name, String title, String description, String body) {
        registry.publish(TestVersions.skill("acme", name).title(title).description(description).body(body).build());
    }

    private static LocalRegistry fixtures(DbKind kind) {
        LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind));
        publish(registry, "postgres-tuning", "Postgres tuning",
                "Finds slow PostgreSQL queries with EXPLAIN and proposes indexes.",
                "# Tuning\n\nRun EXPLAIN ANALYZE on the query, then look at the plan.\n");
        publish(registry, "pdf-forms", "PDF forms", "Fills in and extracts the fields of PDF forms.",
                "# PDF forms\n\nOpen the document, list its fields, write the values.\n");
        publish(registry, "docx-writer", "Word documents", "Creates and edits Word documents (.docx).",
                "# Word\n\nA document has paragraphs and tables; queries about them are slow to answer.\n");
        publish(registry, "image-resize", "Images", "Resizes and crops images for the web.",
                "# Images\n\nKeep the aspect ratio.\n");
        return registry;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_task_in_plain_words_finds_the_skill_that_fits_it_first(DbKind kind) {
        try (LocalRegistry registry = fixtures(kind)) {
            assertThat(names(registry.match("my postgres queries are really slow, how do I speed them up?",
                    top(10, Viewer.EVERYTHING)))).first().isEqualTo("acme/postgres-tuning");
            assertThat(names(registry.match("I need to fill out a PDF form for the tax office",
                    top(10, Viewer.EVERYTHING)))).first().isEqualTo("acme/pdf-forms");
            assertThat(names(registry.match("write a report as a word document", top(10, Viewer.EVERYTHING))))
                    .first().isEqualTo("acme/docx-writer");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void each_hit_has_a_score_best_first_and_the_fields_and_words_that_matched(DbKind kind) {
        try (LocalRegistry registry = fixtures(kind)) {
            Page<MatchHit> page = registry.match("slow postgres queries", top(10, Viewer.EVERYTHING));

            MatchHit first = page.items().getFirst();
            assertThat(first.reason()).containsEntry("name", List.of("postgres"))
                    .containsEntry("description", List.of("slow", "postgresql", "queries"));
            assertThat(page.items()).extracting(MatchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(page.total()).isEqualTo(page.items().size());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void the_limit_bounds_the_hits_and_a_task_of_stop_words_finds_nothing(DbKind kind) {
        try (LocalRegistry registry = fixtures(kind)) {
            assertThat(registry.match("documents forms images queries", top(2, Viewer.EVERYTHING)).items())
                    .hasSize(2);
            Page<MatchHit> none = registry.match("how do I do this, please?", top(10, Viewer.EVERYTHING));
            assertThat(none.items()).isEmpty();
            assertThat(none.total()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_private_skill_is_matched_only_for_those_who_may_read_it(DbKind kind) {
        try (LocalRegistry registry = fixtures(kind)) {
            publish(registry, "secret-postgres", "Postgres secrets", "Our slow PostgreSQL queries, fixed.", "# x\n");
            registry.update(new SkillRef("acme", "secret-postgres"), new SkillPatch(Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("private"), Optional.empty(),
                    Optional.empty()));

            assertThat(names(registry.match("slow postgres queries", top(10, Viewer.PUBLIC))))
                    .contains("acme/postgres-tuning").doesNotContain("acme/secret-postgres");
            assertThat(names(registry.match("slow postgres queries", top(10, Viewer.EVERYTHING))))
                    .contains("acme/secret-postgres");
        }
    }
}
