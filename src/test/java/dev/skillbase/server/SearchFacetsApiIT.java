package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestVersions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/skills}: facets of every result with the page, as the caller may see them; typo tolerance. */
class SearchFacetsApiIT {

    private static void fixtures(TestServer t) {
        t.registry.publish(TestVersions.skill("acme", "python-lint").description("Lints python code.")
                .taxonomy("development/languages/python").tags("python", "lint").build());
        t.registry.publish(TestVersions.skill("acme", "python-test").description("Tests python code.")
                .taxonomy("development/languages/python").tags("python", "testing").build());
        t.registry.publish(TestVersions.skill("acme", "python-docs").description("Documents python code.")
                .taxonomy("writing/docs").tags("python", "docs").build());
        t.registry.publish(TestVersions.skill("acme", "secret-python").description("Our python code.")
                .taxonomy("internal/secret").tags("python", "secret").build());
        t.registry.update(new SkillRef("acme", "secret-python"), new SkillPatch(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("private"), Optional.empty(), Optional.empty()));
    }

    private static List<String> pairs(JsonNode facets, String kind, String field) {
        List<String> pairs = new ArrayList<>();
        facets.get(kind).forEach(f -> pairs.add(f.get(field).asString() + "=" + f.get("count").asLong()));
        return pairs;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void search_and_list_pages_carry_the_facets_of_all_visible_results(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            fixtures(t);

            JsonNode search = ok(t.get("/api/v1/skills?q=python&limit=1"));
            assertThat(search.get("items")).hasSize(1);
            assertThat(search.get("total").asLong()).isEqualTo(3);
            assertThat(pairs(search.get("facets"), "tags", "tag")).startsWith("python=3")
                    .contains("lint=1", "testing=1", "docs=1").doesNotContain("secret=1");
            assertThat(pairs(search.get("facets"), "categories", "category"))
                    .containsExactly("development/languages/python=2", "writing/docs=1");

            JsonNode filtered = ok(t.get("/api/v1/skills?category=development&limit=1"));
            assertThat(pairs(filtered.get("facets"), "tags", "tag")).containsExactly("python=2", "lint=1",
                    "testing=1");
            assertThat(pairs(filtered.get("facets"), "categories", "category"))
                    .containsExactly("development/languages/python=2");

            JsonNode none = ok(t.get("/api/v1/skills?q=nothingmatches"));
            assertThat(none.get("facets").get("tags")).isEmpty();
            assertThat(none.get("facets").get("categories")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_typo_finds_the_word_it_misspells(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            fixtures(t);

            JsonNode found = ok(t.get("/api/v1/skills?q=pyhton%20docs"));

            assertThat(found.get("items").get(0).get("name").asString()).isEqualTo("python-docs");
            assertThat(found.get("total").asLong()).isEqualTo(3);
        }
    }
}
