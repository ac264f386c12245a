package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every word first, any word when too few skills have them all; and the page proved from the best-ranked candidates
 * is the page that ranking every match gives (a status filter takes the second way: all skills here are active).
 */
class RankedSearchIT {

    private static SkillQuery page(int limit, int offset) {
        return new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                SkillQuery.Sort.NAME, limit, offset);
    }

    private static SkillQuery active(int limit, int offset) {
        return new SkillQuery(Optional.empty(), Optional.of("active"), Optional.empty(), Optional.empty(),
                SkillQuery.Sort.NAME, limit, offset);
    }

    private static List<String> names(Page<SearchHit> page) {
        return page.items().stream().map(hit -> hit.skill().ref().toString()).toList();
    }

    private static void publish(LocalRegistry registry, String name, String description) {
        registry.publish(TestVersions.skill("acme", name).description(description)
                .body("# " + name + "\n\nNothing else here.\n").build());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_skill_must_have_every_word_when_ten_or_more_skills_do(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            for (int i = 0; i < FullTextSearch.ENOUGH; i++) {
                publish(registry, "both-" + i, "Reads quartz and mica samples.");
            }
            publish(registry, "only-quartz", "Reads quartz samples.");

            Page<SearchHit> hits = registry.search("quartz mica", page(100, 0));

            assertThat(hits.total()).isEqualTo(FullTextSearch.ENOUGH);
            assertThat(names(hits)).doesNotContain("acme/only-quartz");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void any_word_is_enough_when_fewer_than_ten_skills_have_every_word(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            // the words only in the descriptions: a name match would weigh more than a second word
            publish(registry, "sample-a", "Reads quartz and mica samples.");
            publish(registry, "sample-b", "Reads quartz samples.");
            publish(registry, "sample-c", "Reads mica samples.");
            publish(registry, "sample-d", "Reads granite samples.");

            Page<SearchHit> hits = registry.search("quartz mica", page(100, 0));

            assertThat(hits.total()).isEqualTo(3);
            assertThat(names(hits)).first().isEqualTo("acme/sample-a");
            assertThat(names(hits)).containsExactlyInAnyOrder("acme/sample-a", "acme/sample-b", "acme/sample-c");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pages_from_the_candidates_equal_the_fully_ranked_pages_with_hidden_skills_among_the_best(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            // descriptions that say "basalt" more often rank higher; the best ones are made private
            for (int i = 0; i < 70; i++) {
                publish(registry, "rock-" + i, "Basalt notes. " + "basalt ".repeat(1 + i % 7) + "x".repeat(i));
            }
            List<String> hidden = new ArrayList<>();
            for (int i = 0; i < 70; i += 7) {
                hidden.add("acme/rock-" + (i + 6));
                registry.update(new SkillRef("acme", "rock-" + (i + 6)), new SkillPatch(Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("private"),
                        Optional.empty(), Optional.empty()));
            }
            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < 70; offset += 9) {
                Page<SearchHit> candidates = registry.search("basalt", page(9, offset));
                Page<SearchHit> full = registry.search("basalt", active(9, offset));
                assertThat(names(candidates)).as("offset %d", offset).isEqualTo(names(full));
                assertThat(candidates.items().stream().map(SearchHit::score).toList())
                        .isEqualTo(full.items().stream().map(SearchHit::score).toList());
                assertThat(candidates.total()).isEqualTo(60);
                paged.addAll(names(candidates));
            }
            assertThat(paged).hasSize(60).doesNotHaveDuplicates()
                    .isEqualTo(names(registry.search("basalt", page(100, 0))));
            assertThat(paged).doesNotContainAnyElementsOf(hidden);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void the_exact_name_comes_first_even_when_it_ranks_below_the_candidates(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            for (int i = 0; i < 70; i++) {
                publish(registry, "slate-" + i, "Slate slate slate slate notes.");
            }
            registry.publish(TestVersions.skill("zeta", "slate").description("Plain helper")
                    .body("# Notes\n\nA long body that mentions slate once. " + "filler ".repeat(2000)).build());

            Page<SearchHit> hits = registry.search("slate", page(5, 0));

            assertThat(names(hits)).first().isEqualTo("zeta/slate");
            assertThat(hits.total()).isEqualTo(71);
            assertThat(names(registry.search("slate", page(5, 5)))).doesNotContain("zeta/slate");
        }
    }
}
