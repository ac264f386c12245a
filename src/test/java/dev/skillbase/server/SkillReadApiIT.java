package dev.skillbase.server;

import static dev.skillbase.server.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.skill.ArchiveLimits;
import dev.skillbase.skill.ArchiveReader;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleFile;
import dev.skillbase.skill.TestArchives;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestVersions;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class SkillReadApiIT {

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private static void seed(TestServer t, int count) {
        for (int i = 0; i < count; i++) {
            t.registry.publish(TestVersions.skill(i % 2 == 0 ? "acme" : "other", String.format("skill-%02d", i))
                    .taxonomy(i % 3 == 0 ? "development/languages/python" : "documents/pdf")
                    .tags(i % 2 == 0 ? "even" : "odd").description("Skill number " + i).build());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void lists_pages_with_total_offset_and_cursor(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            seed(t, 7);

            JsonNode first = TestServer.json(t.get("/api/v1/skills?limit=3"));
            JsonNode second = TestServer.json(t.get("/api/v1/skills?limit=3&cursor=" + first.get("next_cursor").asString()));
            JsonNode third = TestServer.json(t.get("/api/v1/skills?limit=3&cursor=" + second.get("next_cursor").asString()));
            JsonNode past = TestServer.json(t.get("/api/v1/skills?offset=50"));

            assertThat(first.get("total").asLong()).isEqualTo(7);
            assertThat(names(first)).containsExactly("skill-00", "skill-01", "skill-02");
            assertThat(names(second)).containsExactly("skill-03", "skill-04", "skill-05");
            assertThat(second.get("offset").asInt()).isEqualTo(3);
            assertThat(names(third)).containsExactly("skill-06");
            assertThat(third.get("next_cursor").isNull()).isTrue();
            assertThat(past.get("items")).isEmpty();
            assertThat(past.get("total").asLong()).isEqualTo(7);
            assertThat(names(TestServer.json(t.get("/api/v1/skills?offset=5&limit=1")))).containsExactly("skill-05");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void filters_sorts_and_searches(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            seed(t, 6);
            t.registry.publish(TestVersions.skill("acme", "pdf-tools").description("Fill PDF forms").build());

            assertThat(names(TestServer.json(t.get("/api/v1/skills?namespace=other"))))
                    .containsExactly("skill-01", "skill-03", "skill-05");
            assertThat(names(TestServer.json(t.get("/api/v1/skills?category=development"))))
                    .containsExactly("skill-00", "skill-03");
            assertThat(names(TestServer.json(t.get("/api/v1/skills?tag=odd&status=active"))))
                    .containsExactly("skill-01", "skill-03", "skill-05");
            assertThat(TestServer.json(t.get("/api/v1/skills?sort=created")).get("total").asLong()).isEqualTo(7);
            JsonNode search = TestServer.json(t.get("/api/v1/skills?q=pdf+forms&sort=relevance"));
            assertThat(names(search).getFirst()).isEqualTo("pdf-tools");
            assertThat(search.get("items").get(0).get("score").isNumber()).isTrue();
            assertThat(TestServer.json(t.get("/api/v1/skills")).get("items").get(0).get("score").isNull()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bad_list_parameters_are_400_problems_naming_the_parameter(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            seed(t, 3);
            String cursor = TestServer.json(t.get("/api/v1/skills?limit=1")).get("next_cursor").asString();
            String[][] cases = {
                {"sort=popularity", "sort"}, {"sort=relevance", "sort"}, {"q=x&sort=name", "sort"},
                {"status=gone", "status"}, {"limit=0", "limit"}, {"limit=101", "limit"}, {"limit=ten", "limit"},
                {"offset=-1", "offset"}, {"offset=10001", "offset"}, {"cursor=!!!", "cursor"},
                {"cursor=" + cursor + "&namespace=acme", "cursor"}, {"cursor=" + cursor + "&offset=1", "cursor"},
                {"namespace=Bad--NS", "namespace"}, {"category=../x", "category"}};
            for (String[] c : cases) {
                JsonNode body = problem(t.get("/api/v1/skills?" + c[0]), 400);
                assertThat(ProblemAssert.fields(body)).as(c[0]).containsExactly(c[1]);
                assertThat(body.get("detail").asString()).as(c[0]).contains(c[1]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void skill_details_carry_an_etag_and_honour_if_none_match(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            t.registry.publish(TestVersions.skill("acme", "pdf-tools").tags("pdf", "forms").build());

            HttpResponse<String> response = t.get("/api/v1/skills/acme/pdf-tools");
            JsonNode skill = TestServer.json(response);
            String etag = response.headers().firstValue("ETag").orElseThrow();

            assertThat(skill.get("latest").get("version").asString()).isEqualTo("1.0.0");
            assertThat(skill.get("tags")).hasSize(2);
            assertThat(skill.get("counters").get("versions").asLong()).isEqualTo(1);
            assertThat(skill.get("homepage").isNull()).isTrue();
            assertThat(skill.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(etag).matches("\"[0-9a-f]{32}\"");
            HttpResponse<String> again = t.get("/api/v1/skills/acme/pdf-tools", "If-None-Match", etag);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            t.registry.publish(TestVersions.skill("acme", "pdf-tools").version("1.1.0").build());
            assertThat(t.get("/api/v1/skills/acme/pdf-tools", "If-None-Match", etag).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void missing_or_malformed_skills_versions_and_files_are_problems(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            t.publish("acme", "pdf-tools", TestArchives.skill("pdf-tools").tarGz());

            problem(t.get("/api/v1/skills/acme/nothing"), 404);
            problem(t.get("/api/v1/skills/acme/nothing/versions"), 404);
            problem(t.get("/api/v1/skills/acme/pdf-tools/versions/9.9.9"), 404);
            problem(t.get("/api/v1/skills/acme/pdf-tools/versions/1.0.0/files/nope.md"), 404);
            problem(t.get("/api/v1/skills/acme/pdf-tools/versions/9.9.9/archive"), 404);
            assertThat(ProblemAssert.fields(problem(t.get("/api/v1/skills/ACME/pdf-tools"), 400)))
                    .containsExactly("namespace");
            assertThat(ProblemAssert.fields(problem(t.get("/api/v1/skills/acme/pdf--tools"), 400)))
                    .containsExactly("name");
            assertThat(ProblemAssert.fields(problem(t.get("/api/v1/skills/acme/pdf-tools/versions/1.0"), 400)))
                    .containsExactly("version");
            assertThat(ProblemAssert.fields(problem(
                    t.get("/api/v1/skills/acme/pdf-tools/versions/1.0.0/files/a/%2e%2e/SKILL.md"), 400)))
                    .containsExactly("path");
            assertThat(ProblemAssert.fields(problem(
                    t.get("/api/v1/skills/acme/pdf-tools/versions/1.0.0/archive?format=rar"), 400)))
                    .containsExactly("format");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void versions_manifest_files_and_stats(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            t.publish("acme", "pdf-tools", TestArchives.skill("pdf-tools").tarGz());
            t.post("/api/v1/skills/acme/pdf-tools/versions?version=1.1.0", "application/gzip",
                    TestArchives.skill("pdf-tools", "1.1.0").file("references/guide.md", "# Guide\n").tarGz());

            JsonNode versions = TestServer.json(t.get("/api/v1/skills/acme/pdf-tools/versions"));
            HttpResponse<String> manifestResponse = t.get("/api/v1/skills/acme/pdf-tools/versions/1.1.0");
            JsonNode manifest = TestServer.json(manifestResponse);
            HttpResponse<String> markdown = t.get("/api/v1/skills/acme/pdf-tools/versions/1.1.0/files/references/guide.md");
            HttpResponse<String> script = t.get("/api/v1/skills/acme/pdf-tools/versions/1.1.0/files/scripts/run.sh");
            JsonNode stats = TestServer.json(t.get("/api/v1/stats"));

            assertThat(versions.get("items")).extracting(v -> v.get("version").asString()).containsExactly("1.1.0", "1.0.0");
            assertThat(manifest.get("files")).extracting(f -> f.get("path").asString())
                    .containsExactly("SKILL.md", "references/guide.md", "scripts/run.sh");
            assertThat(manifest.get("files").get(2).get("executable").asBoolean()).isTrue();
            assertThat(manifest.get("content_digest").asString()).startsWith("sha256:");
            assertThat(manifest.get("archive_digest").asString()).startsWith("sha256:");
            assertThat(manifest.get("frontmatter").get("name").asString()).isEqualTo("pdf-tools");
            assertThat(t.get("/api/v1/skills/acme/pdf-tools/versions/1.1.0", "If-None-Match",
                    manifestResponse.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
            assertThat(markdown.body()).isEqualTo("# Guide\n");
            assertThat(markdown.headers().firstValue("Content-Type")).contains("text/markdown; charset=utf-8");
            assertThat(markdown.headers().firstValue("ETag")).contains("\""
                    + manifest.get("files").get(1).get("digest").asString() + "\"");
            assertThat(script.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                    .isEqualTo("text/plain;charset=utf-8");
            assertThat(stats.get("skills").asLong()).isEqualTo(1);
            assertThat(stats.get("versions").asLong()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void archive_download_has_the_manifest_digest_and_unpacks_to_the_published_files(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            byte[] upload = TestArchives.skill("pdf-tools").file("references/guide.md", "# Guide\n").tarGz();
            t.publish("acme", "pdf-tools", upload);
            JsonNode manifest = TestServer.json(t.get("/api/v1/skills/acme/pdf-tools/versions/1.0.0"));

            HttpResponse<byte[]> tar = t.getBytes("/api/v1/skills/acme/pdf-tools/versions/1.0.0/archive");
            HttpResponse<byte[]> zip = t.getBytes("/api/v1/skills/acme/pdf-tools/versions/1.0.0/archive?format=zip");
            HttpResponse<byte[]> zipAgain = t.getBytes("/api/v1/skills/acme/pdf-tools/versions/1.0.0/archive?format=zip");

            String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tar.body()));
            assertThat(digest).isEqualTo(manifest.get("archive_digest").asString());
            assertThat(tar.headers().firstValue("ETag")).contains("\"" + digest + "\"");
            assertThat(tar.headers().firstValue("Content-Disposition"))
                    .contains("attachment; filename=\"acme-pdf-tools-1.0.0.tar.gz\"");
            Bundle expected = new ArchiveReader(ArchiveLimits.DEFAULT).read(upload);
            Bundle fromTar = new ArchiveReader(ArchiveLimits.DEFAULT).read(tar.body());
            Bundle fromZip = new ArchiveReader(ArchiveLimits.DEFAULT).read(zip.body());
            assertThat(fromTar.files()).isEqualTo(expected.files());
            assertThat(fromZip.files()).isEqualTo(expected.files());
            assertThat(fromTar.files()).extracting(BundleFile::path)
                    .containsExactly("SKILL.md", "references/guide.md", "scripts/run.sh");
            assertThat(new String(fromTar.files().get(1).content(), StandardCharsets.UTF_8)).isEqualTo("# Guide\n");
            assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
            assertThat(zip.body()).isEqualTo(zipAgain.body());
        }
    }
}
