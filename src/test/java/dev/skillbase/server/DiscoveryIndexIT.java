package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.DiscoverableSkill;
import dev.skillbase.skill.TestArchives;
import dev.skillbase.testing.DbKind;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The discovery indexes' contents as {@link PublicCatalog} reads them: the limit on entries, which namespace wins a
 * shared name (byte order on both databases), and the files of the version listed.
 */
class DiscoveryIndexIT {

    private static void publish(TestServer t, String namespace, String name, String version, String extra) {
        TestArchives archive = TestArchives.skill(name, version);
        if (extra != null) {
            archive.file(extra, "extra");
        }
        HttpResponse<String> response = t.publish(namespace, name, archive.tarGz());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static List<String> refs(List<DiscoverableSkill> skills) {
        return skills.stream().map(s -> s.ref().toString()).toList();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void an_index_over_the_limit_lists_the_first_names_and_says_it_was_truncated(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            for (String name : List.of("echo", "alpha", "delta", "charlie", "bravo")) {
                publish(t, "acme", name, "1.0.0", null);
            }
            publish(t, "zulu", "alpha", "1.0.0", null);
            PublicCatalog catalog = new PublicCatalog(t.registry, 3);

            PublicCatalog.Index global = catalog.index(Optional.empty());
            PublicCatalog.Index acme = catalog.index(Optional.of("acme"));
            PublicCatalog.Index zulu = catalog.index(Optional.of("zulu"));

            assertThat(refs(global.skills())).containsExactly("acme/alpha", "acme/bravo", "acme/charlie");
            assertThat(global.truncated()).isTrue();
            assertThat(acme.truncated()).isTrue();
            assertThat(refs(zulu.skills())).containsExactly("zulu/alpha");
            assertThat(zulu.truncated()).isFalse();
            assertThat(catalog.skill(Optional.empty(), "echo")).hasValueSatisfying(
                    s -> assertThat(s.ref().toString()).isEqualTo("acme/echo"));
            assertThat(new PublicCatalog(t.registry, 5).index(Optional.empty()).truncated()).isFalse();
            HttpResponse<String> served = t.get("/.well-known/agent-skills/index.json");
            assertThat(served.headers().firstValue(DiscoveryHandlers.TRUNCATED_HEADER)).isEmpty();
            assertThat(TestServer.json(served).get("skills")).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_shared_name_goes_to_the_namespace_first_in_byte_order_on_every_database(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            // byte order puts "a-c" before "ab" ('-' < 'b'); a linguistic collation would ignore the hyphen
            publish(t, "ab", "notes", "1.0.0", null);
            publish(t, "a-c", "notes", "1.0.0", null);
            publish(t, "ab", "a-list", "1.0.0", null);
            publish(t, "ab", "ab-list", "1.0.0", null);

            JsonNode index = TestServer.json(t.get("/.well-known/agent-skills/index.json"));

            List<String> names = new ArrayList<>();
            index.get("skills").forEach(s -> names.add(s.get("name").asString()));
            assertThat(names).containsExactly("a-list", "ab-list", "notes");
            assertThat(index.get("skills").get(2).get("url").asString()).contains("/skills/a-c/notes/");
            assertThat(t.get("/.well-known/skills/notes/SKILL.md").statusCode()).isEqualTo(200);
            assertThat(new PublicCatalog(t.registry).skill(Optional.empty(), "notes")).hasValueSatisfying(
                    s -> assertThat(s.ref().namespace()).isEqualTo("a-c"));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void the_legacy_index_lists_the_files_of_the_latest_version_not_yanked(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            publish(t, "acme", "pdf-tools", "1.0.0", "references/old.md");
            publish(t, "acme", "pdf-tools", "1.1.0", "references/new.md");
            publish(t, "acme", "csv-tools", "1.0.0", null);
            PublicCatalog catalog = new PublicCatalog(t.registry);

            List<DiscoverableSkill> listed = catalog.index(Optional.empty()).skills();
            assertThat(catalog.files(listed).get(listed.get(1).id()))
                    .containsExactly("SKILL.md", "references/new.md", "scripts/run.sh");
            t.registry.yank(listed.get(1).ref(), "1.1.0", true);

            JsonNode legacy = TestServer.json(t.get("/.well-known/skills/index.json"));

            assertThat(legacy.get("skills")).hasSize(2);
            assertThat(legacy.get("skills").get(0).get("files")).extracting(JsonNode::asString)
                    .containsExactly("SKILL.md", "scripts/run.sh");
            assertThat(legacy.get("skills").get(1).get("files")).extracting(JsonNode::asString)
                    .containsExactly("SKILL.md", "references/old.md", "scripts/run.sh");
            assertThat(t.get("/.well-known/skills/pdf-tools/references/old.md").statusCode()).isEqualTo(200);
            assertThat(t.get("/.well-known/skills/pdf-tools/references/new.md").statusCode()).isEqualTo(404);
        }
    }
}
