package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.User;
import dev.skillbase.registry.Faceted;
import dev.skillbase.registry.Facets;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.NewInstallation;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestVersions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Search ranking, the same expectations on SQLite and PostgreSQL: exact name, then name prefix, then field weights,
 * installs breaking ties; typo tolerance only when a query finds few skills; facet counts of all the results.
 */
class SearchRankingIT {

    private static SkillQuery page(int limit) {
        return new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                SkillQuery.Sort.NAME, limit, 0);
    }

    private static SkillQuery tagged(String tag) {
        return new SkillQuery(Optional.empty(), Optional.empty(), Optional.of(tag), Optional.empty(),
                SkillQuery.Sort.NAME, 1, 0);
    }

    private static List<String> names(Page<SearchHit> page) {
        return page.items().stream().map(hit -> hit.skill().ref().toString()).toList();
    }

    private static void publish(LocalRegistry registry, String name, String title, String description, String body,
            String... tags) {
        registry.publish(TestVersions.skill("acme", name).title(title).description(description)
                .body("# Notes\n\n" + body + "\n").tags(tags).build());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void exact_name_first_then_names_with_the_prefix_then_relevance(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            publish(registry, "pdf-forms", "Forms", "Fills forms in a pdf.", "Nothing else.");
            publish(registry, "pdf", "Documents", "Reads documents.", "Mentions pdf once.");
            publish(registry, "reader", "PDF PDF reader", "Reads pdf, pdf and pdf files.", "pdf pdf pdf");
            publish(registry, "pdf-tools", "PDF tools", "Splits and merges pdf files.", "Nothing else.");
            publish(registry, "pdfkit", "PDF kit", "Writes pdf pdf pdf files.", "pdf");
            publish(registry, "merge-pdf", "Merge PDF", "Merges pdf files.", "Nothing else.");

            List<String> ranked = names(registry.search("pdf", page(10)));

            assertThat(ranked).hasSize(6);
            // names with the prefix by installs, then by name
            assertThat(ranked.subList(0, 3)).containsExactly("acme/pdf", "acme/pdf-forms", "acme/pdf-tools");
            assertThat(ranked.subList(3, 6)).containsExactlyInAnyOrder("acme/reader", "acme/merge-pdf", "acme/pdfkit");
            // words joined by '-' are a name too
            assertThat(names(registry.search("PDF tools", page(10)))).first().isEqualTo("acme/pdf-tools");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pages_with_many_prefixed_names_are_the_same_from_the_candidates_and_from_the_full_ranking(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            for (int i = 0; i < 30; i++) {
                publish(registry, "granite-tools-" + i, "Kit " + i, "Cuts stone.", "granite tools " + "x".repeat(i));
                publish(registry, "quarry-" + i, "Granite tools " + i, "Granite tools. ".repeat(1 + i % 5), "Stone.");
            }
            installAcme(registry, "granite-tools-17", 1);
            SkillQuery active = new SkillQuery(Optional.empty(), Optional.of("active"), Optional.empty(),
                    Optional.empty(), SkillQuery.Sort.NAME, 7, 0);
            List<String> paged = new java.util.ArrayList<>();
            for (int offset = 0; offset < 60; offset += 7) {
                Page<SearchHit> fast = registry.search("granite tools", new SkillQuery(Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), SkillQuery.Sort.NAME, 7, offset));
                Page<SearchHit> full = registry.search("granite tools", new SkillQuery(active.namespace(),
                        active.status(), Optional.empty(), Optional.empty(), SkillQuery.Sort.NAME, 7, offset));
                assertThat(names(fast)).as("offset %d", offset).isEqualTo(names(full));
                assertThat(fast.items().stream().map(SearchHit::score).toList())
                        .isEqualTo(full.items().stream().map(SearchHit::score).toList());
                paged.addAll(names(fast));
            }
            assertThat(paged).hasSize(60).doesNotHaveDuplicates();
            assertThat(paged.subList(0, 2)).containsExactly("acme/granite-tools-17", "acme/granite-tools-0");
            assertThat(paged.subList(0, 30)).allMatch(name -> name.startsWith("acme/granite-tools-"));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void title_weighs_more_than_tags_than_description_than_body(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            publish(registry, "in-body", "Helper one", "Helps with things.", "Works with a quokka.");
            publish(registry, "in-description", "Helper two", "Helps with a quokka.", "Works.");
            publish(registry, "in-tags", "Helper three", "Helps with things.", "Works.", "quokka");
            publish(registry, "in-title", "Quokka helper", "Helps with things.", "Works.");

            assertThat(names(registry.search("quokka", page(10)))).containsExactly("acme/in-title", "acme/in-tags",
                    "acme/in-description", "acme/in-body");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void installs_break_ties_between_equally_relevant_skills(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            for (String namespace : List.of("alpha", "beta", "gamma")) {
                registry.publish(TestVersions.skill(namespace, "ocelot-notes").title("Notes")
                        .description("Keeps ocelot notes.").body("# Notes\n").build());
            }
            assertThat(names(registry.search("ocelot", page(10)))).containsExactly("alpha/ocelot-notes",
                    "beta/ocelot-notes", "gamma/ocelot-notes");

            install(registry, "gamma", 2);
            install(registry, "beta", 1);

            assertThat(names(registry.search("ocelot", page(10)))).containsExactly("gamma/ocelot-notes",
                    "beta/ocelot-notes", "alpha/ocelot-notes");
        }
    }

    private static void install(LocalRegistry registry, String namespace, int users) {
        for (int i = 0; i < users; i++) {
            User user = registry.accounts().createUser(namespace + "-user-" + i, false);
            registry.installations().record(user.id(), new SkillRef(namespace, "ocelot-notes"),
                    new NewInstallation("1.0.0", "claude-code", NewInstallation.PROJECT, false));
        }
    }

    private static void installAcme(LocalRegistry registry, String acmeSkill, int users) {
        for (int i = 0; i < users; i++) {
            User user = registry.accounts().createUser(acmeSkill + "-user-" + i, false);
            registry.installations().record(user.id(), new SkillRef("acme", acmeSkill),
                    new NewInstallation("1.0.0", "claude-code", NewInstallation.PROJECT, false));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_word_with_a_typo_finds_the_skills_with_the_word_when_it_finds_few(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            publish(registry, "python-testing", "Python testing", "Runs pytest suites.", "Nothing else.", "python");
            publish(registry, "kubernetes-deploy", "Kubernetes deploy", "Rolls out manifests.", "Nothing else.");
            publish(registry, "snake-notes", "Python python notes", "Python, python and python.", "python", "python");
            publish(registry, "spreadsheet-charts", "Charts", "Draws charts from a spreadsheet.", "Nothing else.");

            assertThat(names(registry.search("pyhton", page(10)))).containsExactly("acme/python-testing",
                    "acme/snake-notes");
            assertThat(names(registry.search("kubernets", page(10)))).containsExactly("acme/kubernetes-deploy");
            assertThat(names(registry.search("spreadsheat charts", page(10))))
                    .containsExactly("acme/spreadsheet-charts");
            // two edits away: no correction
            assertThat(registry.search("pthyon", page(10)).total()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_word_that_finds_enough_skills_is_not_corrected(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            for (int i = 0; i < FullTextSearch.FEW; i++) {
                publish(registry, "palette-" + i, "Palette " + i, "Picks a colour.", "Nothing else.");
            }
            publish(registry, "color-picker", "Color picker", "Picks a color.", "Nothing else.");

            Page<SearchHit> hits = registry.search("colour", page(20));

            assertThat(hits.total()).isEqualTo(FullTextSearch.FEW);
            assertThat(names(hits)).doesNotContain("acme/color-picker");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void facets_count_every_result_not_only_the_page_at_most_twenty_each(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            for (int i = 0; i < 25; i++) {
                registry.publish(TestVersions.skill("acme", "lynx-" + i).description("Tracks lynx sightings.")
                        .taxonomy(i % 2 == 0 ? "science/biology" : "data/tracking")
                        .tags(i < 3 ? new String[] {"wild", "cats", "tag-" + i} : new String[] {"wild", "tag-" + i})
                        .build());
            }
            publish(registry, "unrelated", "Unrelated", "Nothing to see.", "Nothing.", "wild");

            Faceted<SearchHit> search = registry.searchWithFacets("lynx", page(2));

            assertThat(search.page().items()).hasSize(2);
            assertThat(search.facets().tags()).hasSize(Facets.MAX);
            assertThat(search.facets().tags().subList(0, 2)).containsExactly(new Facets.Count("wild", 25),
                    new Facets.Count("cats", 3));
            assertThat(search.facets().categories()).containsExactly(new Facets.Count("science/biology", 13),
                    new Facets.Count("data/tracking", 12));

            Faceted<SkillSummary> cats = registry.listWithFacets(tagged("cats"));
            assertThat(cats.page().items()).hasSize(1);
            assertThat(cats.facets().tags()).startsWith(new Facets.Count("cats", 3), new Facets.Count("wild", 3));
            assertThat(cats.facets().categories()).containsExactly(new Facets.Count("science/biology", 2),
                    new Facets.Count("data/tracking", 1));

            Faceted<SkillSummary> all = registry.listWithFacets(page(1).as(dev.skillbase.registry.Viewer.PUBLIC));
            assertThat(all.facets().tags()).first().isEqualTo(new Facets.Count("wild", 26));
            assertThat(registry.searchWithFacets("nothingmatches", page(5)).facets()).isEqualTo(Facets.none());
        }
    }
}
