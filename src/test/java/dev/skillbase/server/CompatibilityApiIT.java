package dev.skillbase.server;

import static dev.skillbase.server.ProblemAssert.fields;
import static dev.skillbase.server.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.skill.TestArchives;
import dev.skillbase.testing.DbKind;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The endpoints existing clients speak: discovery indexes (v0.2 and legacy v0.1) and the skills.sh search API. */
class CompatibilityApiIT {

    private static void publish(TestServer t, String namespace, String name, String description) {
        HttpResponse<String> response = t.publish(namespace, name, TestArchives.archive()
                .file("SKILL.md", TestArchives.skillMd(name, description))
                .executable("scripts/run.sh", "#!/bin/sh\necho " + namespace + "\n").tarGz());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static List<String> names(JsonNode index) {
        List<String> names = new ArrayList<>();
        index.get("skills").forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void agent_skills_index_lists_archives_whose_digest_matches_the_served_bytes(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            publish(t, "acme", "pdf-tools", "Fill PDF forms.");
            publish(t, "acme", "csv-tools", "Clean CSV files.");

            JsonNode index = TestServer.json(t.get("/.well-known/agent-skills/index.json"));

            assertThat(index.get("$schema").asString()).isEqualTo(DiscoveryHandlers.SCHEMA_V2);
            assertThat(names(index)).containsExactly("csv-tools", "pdf-tools");
            JsonNode pdf = index.get("skills").get(1);
            assertThat(pdf.get("type").asString()).isEqualTo("archive");
            assertThat(pdf.get("description").asString()).isEqualTo("Fill PDF forms.");
            HttpResponse<byte[]> archive = t.getBytes(pdf.get("url").asString().substring(t.server.url().toString().length()));
            assertThat(archive.statusCode()).isEqualTo(200);
            assertThat(sha256(archive.body())).isEqualTo(pdf.get("digest").asString());
            assertThat(archive.body()[0] & 0xff).isEqualTo(0x1f);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void global_index_lists_a_shared_name_once_from_the_first_namespace_and_each_namespace_has_its_own(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            publish(t, "zeta", "pdf-tools", "Zeta's PDF tools.");
            publish(t, "acme", "pdf-tools", "Acme's PDF tools.");
            publish(t, "zeta", "only-zeta", "Only in zeta.");

            JsonNode global = TestServer.json(t.get("/.well-known/agent-skills/index.json"));
            JsonNode zeta = TestServer.json(t.get("/ns/zeta/.well-known/agent-skills/index.json"));
            JsonNode acme = TestServer.json(t.get("/ns/acme/.well-known/agent-skills/index.json"));

            assertThat(names(global)).containsExactly("only-zeta", "pdf-tools");
            assertThat(global.get("skills").get(1).get("description").asString()).isEqualTo("Acme's PDF tools.");
            assertThat(global.get("skills").get(1).get("url").asString()).contains("/skills/acme/pdf-tools/");
            assertThat(names(zeta)).containsExactly("only-zeta", "pdf-tools");
            assertThat(zeta.get("skills").get(1).get("url").asString()).contains("/skills/zeta/pdf-tools/");
            assertThat(names(acme)).containsExactly("pdf-tools");
        }
    }

    @Test
    void legacy_index_lists_files_served_under_the_skill_name() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            publish(t, "zeta", "pdf-tools", "Zeta's PDF tools.");
            publish(t, "acme", "pdf-tools", "Acme's PDF tools.");

            JsonNode index = TestServer.json(t.get("/.well-known/skills/index.json"));
            HttpResponse<String> skillMd = t.get("/.well-known/skills/pdf-tools/SKILL.md");
            HttpResponse<String> script = t.get("/ns/zeta/.well-known/skills/pdf-tools/scripts/run.sh");

            assertThat(index.has("$schema")).isFalse();
            JsonNode entry = index.get("skills").get(0);
            assertThat(entry.get("name").asString()).isEqualTo("pdf-tools");
            assertThat(entry.get("files")).extracting(JsonNode::asString).containsExactly("SKILL.md", "scripts/run.sh");
            assertThat(skillMd.statusCode()).isEqualTo(200);
            assertThat(skillMd.body()).isEqualTo(TestArchives.skillMd("pdf-tools", "Acme's PDF tools."));
            assertThat(script.body()).isEqualTo("#!/bin/sh\necho zeta\n");
            problem(t.get("/.well-known/skills/pdf-tools/missing.txt"), 404);
            problem(t.get("/.well-known/skills/no-such-skill/SKILL.md"), 404);
        }
    }

    @Test
    void namespace_at_name_base_url_holds_just_that_skill() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            publish(t, "acme", "pdf-tools", "PDFs.");
            publish(t, "acme", "csv-tools", "CSVs.");

            JsonNode one = TestServer.json(t.get("/ns/acme@csv-tools/.well-known/agent-skills/index.json"));
            JsonNode legacy = TestServer.json(t.get("/ns/acme@csv-tools/.well-known/skills/index.json"));
            HttpResponse<String> file = t.get("/ns/acme@csv-tools/.well-known/skills/csv-tools/SKILL.md");

            assertThat(names(one)).containsExactly("csv-tools");
            assertThat(names(legacy)).containsExactly("csv-tools");
            assertThat(file.statusCode()).isEqualTo(200);
            problem(t.get("/ns/acme@nothing/.well-known/agent-skills/index.json"), 404);
        }
    }

    @Test
    void unknown_namespace_and_unknown_compatibility_routes_are_404_problems() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            publish(t, "acme", "pdf-tools", "PDFs.");

            problem(t.get("/ns/nobody/.well-known/agent-skills/index.json"), 404);
            problem(t.get("/ns/nobody/.well-known/skills/index.json"), 404);
            problem(t.get("/.well-known/agent-skills/other.json"), 404);
            problem(t.get("/ns/Bad_Name/.well-known/agent-skills/index.json"), 400);
        }
    }

    @Test
    void empty_registry_has_an_empty_global_index() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            assertThat(TestServer.json(t.get("/.well-known/agent-skills/index.json")).get("skills")).isEmpty();
            assertThat(TestServer.json(t.get("/.well-known/skills/index.json")).get("skills")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void search_answers_id_name_installs_and_a_source_the_client_can_add(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            publish(t, "acme", "pdf-tools", "Fill PDF forms.");
            publish(t, "zeta", "pdf-merge", "Merge PDF files.");
            publish(t, "zeta", "csv-tools", "Clean CSV files.");

            JsonNode all = TestServer.json(t.get("/api/search?q=pdf&limit=10"));
            JsonNode owned = TestServer.json(t.get("/api/search?q=pdf&owner=zeta"));

            assertThat(all.get("skills")).extracting(s -> s.get("id").asString())
                    .containsExactlyInAnyOrder("acme/pdf-tools", "zeta/pdf-merge");
            JsonNode merge = owned.get("skills").get(0);
            assertThat(owned.get("skills")).hasSize(1);
            assertThat(merge.get("name").asString()).isEqualTo("pdf-merge");
            assertThat(merge.get("installs").asLong()).isZero();
            assertThat(merge.get("source").asString()).isEqualTo(t.server.url() + "/ns/zeta");
        }
    }

    @Test
    void search_without_q_or_with_a_bad_limit_is_a_400_problem() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            assertThat(fields(problem(t.get("/api/search"), 400))).containsExactly("q");
            assertThat(fields(problem(t.get("/api/search?q=%20"), 400))).containsExactly("q");
            assertThat(fields(problem(t.get("/api/search?q=pdf&limit=0"), 400))).containsExactly("limit");
            assertThat(fields(problem(t.get("/api/search?q=pdf&owner=NOT%20OK"), 400))).containsExactly("owner");
        }
    }

    @Test
    void publish_takes_category_and_tags_from_the_query_over_metadata() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            HttpResponse<String> published = t.post("/api/v1/skills/acme/pdf-tools/versions"
                    + "?category=documents/pdf&tags=pdf,Forms", "application/gzip", TestArchives.skill("pdf-tools").tarGz());
            HttpResponse<String> bad = t.post("/api/v1/skills/acme/csv-tools/versions?category=Not%20A%20Path",
                    "application/gzip", TestArchives.skill("csv-tools").tarGz());

            assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
            JsonNode skill = TestServer.json(t.get("/api/v1/skills/acme/pdf-tools"));
            assertThat(skill.get("taxonomy_path").asString()).isEqualTo("documents/pdf");
            assertThat(skill.get("tags")).extracting(JsonNode::asString).containsExactly("pdf", "forms");
            assertThat(fields(problem(bad, 400))).containsExactly("category");
        }
    }
}
