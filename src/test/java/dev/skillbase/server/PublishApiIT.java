package dev.skillbase.server;

import static dev.skillbase.server.ProblemAssert.codes;
import static dev.skillbase.server.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.TestArchives;
import dev.skillbase.testing.DbKind;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class PublishApiIT {
    private static final SkillRef PDF = new SkillRef("acme", "pdf-tools");
    private static final String VERSIONS = "/api/v1/skills/acme/pdf-tools/versions";

    private static void assertNothingStored(TestServer t) {
        assertThat(t.registry.skill(PDF)).isEmpty();
        assertThat(t.registry.stats().versions()).isZero();
        problem(t.get("/api/v1/skills/acme/pdf-tools"), 404);
    }

    private static byte[] multipart(String boundary, String part, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"skill.tgz\"\r\nContent-Type: application/gzip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void publishes_tar_gz_zip_and_multipart_uploads(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            HttpResponse<String> tar = t.publish("acme", "pdf-tools", TestArchives.archive().dir("pdf-tools/")
                    .file("pdf-tools/SKILL.md", TestArchives.skillMd("pdf-tools", "PDFs.", "1.0.0")).tarGz());
            HttpResponse<String> zip = t.post(VERSIONS, "application/zip", TestArchives.skill("pdf-tools", "1.1.0").zip());
            HttpResponse<String> form = t.post(VERSIONS + "?version=1.2.0", "multipart/form-data; boundary=XyZ",
                    multipart("XyZ", "archive", TestArchives.skill("pdf-tools", "1.2.0").tarGz()));

            assertThat(tar.statusCode()).as(tar.body()).isEqualTo(201);
            JsonNode manifest = TestServer.json(tar);
            assertThat(manifest.get("version").asString()).isEqualTo("1.0.0");
            assertThat(manifest.get("files")).extracting(f -> f.get("path").asString()).containsExactly("SKILL.md");
            assertThat(tar.headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).endsWith(VERSIONS + "/1.0.0"));
            assertThat(zip.statusCode()).as(zip.body()).isEqualTo(201);
            assertThat(form.statusCode()).as(form.body()).isEqualTo(201);
            assertThat(t.registry.versions(PDF)).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_version_parameter_higher_than_the_declared_version_wins(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            assertThat(t.publish("acme", "pdf-tools", TestArchives.skill("pdf-tools", "1.0.0").tarGz()).statusCode())
                    .isEqualTo(201);

            HttpResponse<String> next = t.post(VERSIONS + "?version=1.0.1", "application/gzip",
                    TestArchives.skill("pdf-tools", "1.0.0").file("extra.txt", "changed").tarGz());

            assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
            assertThat(TestServer.json(next).get("version").asString()).isEqualTo("1.0.1");
            assertThat(t.registry.versions(PDF)).extracting(v -> v.version()).containsExactly("1.0.1", "1.0.0");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void identical_republish_is_200_and_different_content_409(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            byte[] archive = TestArchives.skill("pdf-tools").tarGz();
            assertThat(t.publish("acme", "pdf-tools", archive).statusCode()).isEqualTo(201);

            HttpResponse<String> again = t.publish("acme", "pdf-tools", archive);
            HttpResponse<String> changed = t.publish("acme", "pdf-tools",
                    TestArchives.skill("pdf-tools").file("extra.txt", "more").tarGz());

            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(again).get("version").asString()).isEqualTo("1.0.0");
            assertThat(problem(changed, 409).get("type").asString()).endsWith(":version-conflict");
            assertThat(t.registry.version(PDF, "1.0.0").orElseThrow().files()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void sixteen_concurrent_uploads_of_one_version_create_it_exactly_once(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            byte[] archive = TestArchives.skill("pdf-tools").tarGz();
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> t.publish("acme", "pdf-tools", archive)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                statuses.add(response.statusCode());
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(t.registry.versions(PDF)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void hostile_archives_are_refused_and_nothing_is_stored(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Map<String, byte[]> refused400 = Map.of(
                    "traversal", TestArchives.skill("pdf-tools").file("../../etc/cron.d/x", "x").tarGz(),
                    "absolute", TestArchives.skill("pdf-tools").file("/etc/passwd", "x").tarGz(),
                    "backslash", TestArchives.skill("pdf-tools").file("..\\evil", "x").tarGz(),
                    "symlink", TestArchives.skill("pdf-tools").symlink("link", "/etc/passwd").tarGz(),
                    "zip symlink", TestArchives.skill("pdf-tools").symlink("link", "/etc/passwd").zip(),
                    "hardlink", TestArchives.skill("pdf-tools").hardlink("copy", "/etc/passwd").tarGz(),
                    "fifo", TestArchives.skill("pdf-tools").fifo("pipe").tarGz(),
                    "duplicate", TestArchives.skill("pdf-tools").file("SKILL.md", "again").tarGz(),
                    "not an archive", "hello".getBytes(StandardCharsets.UTF_8));
            refused400.forEach((what, body) -> {
                JsonNode problem = problem(t.publish("acme", "pdf-tools", body), 400);
                assertThat(problem.get("errors")).as(what).hasSize(1);
            });
            JsonNode bomb = problem(t.publish("acme", "pdf-tools",
                    TestArchives.skill("pdf-tools").zeros("zeros.bin", 9L * 1024 * 1024).tarGz()), 413);
            assertThat(codes(bomb)).containsExactly("archive-bomb");
            TestArchives many = TestArchives.skill("pdf-tools");
            for (int i = 0; i < 2001; i++) {
                many.file("f/" + i, "");
            }
            assertThat(codes(problem(t.publish("acme", "pdf-tools", many.tarGz()), 413)))
                    .containsExactly("archive-too-many-entries");

            assertNothingStored(t);
        }
    }

    @Test
    void an_oversized_body_is_413_before_it_is_read() {
        try (TestServer t = TestServer.start(DbKind.SQLITE, s -> new ServerSettings(s.host(), s.port(), s.database(),
                s.baseUrl(), s.corsOrigins(), 4096, s.allowAnonymousPublish(), s.shutdownTimeout()))) {
            byte[] big = new byte[20_000];
            HttpRequest chunked = t.request(VERSIONS).header("Content-Type", "application/zip")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();

            assertThat(problem(t.post(VERSIONS, "application/zip", new byte[5000]), 413).get("type").asString())
                    .endsWith(":upload-too-large");
            problem(t.send(chunked), 413);
            assertNothingStored(t);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void invalid_skills_are_422_listing_every_problem(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            byte[] bad = TestArchives.archive().file("SKILL.md", "---\nname: other-name\nextra: 1\n---\n# x\n").tarGz();
            byte[] noSkillMd = TestArchives.archive().file("README.md", "hi").tarGz();
            byte[] noVersion = TestArchives.archive()
                    .file("SKILL.md", "---\nname: pdf-tools\ndescription: d\n---\n# x\n").tarGz();

            JsonNode problem = problem(t.publish("acme", "pdf-tools", bad), 422);
            assertThat(codes(problem)).contains("name-folder-mismatch", "description-missing", "unknown-key");
            problem.get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank());
            assertThat(codes(problem(t.publish("acme", "pdf-tools", noSkillMd), 422))).contains("skill-md-missing");
            assertThat(codes(problem(t.publish("acme", "pdf-tools", noVersion), 422))).containsExactly("version-missing");
            assertThat(codes(problem(t.post(VERSIONS + "?version=0.9.0", "application/gzip",
                    TestArchives.skill("pdf-tools").tarGz()), 422))).containsExactly("version-below-declared");
            assertThat(ProblemAssert.fields(problem(t.post(VERSIONS + "?version=latest", "application/gzip",
                    TestArchives.skill("pdf-tools").tarGz()), 400))).containsExactly("version");
            assertNothingStored(t);
        }
    }

    @Test
    void wrong_media_type_is_415_and_a_form_without_the_archive_part_400() {
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            assertThat(problem(t.post(VERSIONS, "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 415)
                    .get("detail").asString()).contains("application/json");
            assertThat(ProblemAssert.fields(problem(t.post(VERSIONS, "multipart/form-data; boundary=B",
                    multipart("B", "file", TestArchives.skill("pdf-tools").tarGz())), 400))).containsExactly("archive");
            assertNothingStored(t);
        }
    }

    @Test
    void publish_without_a_token_or_with_an_unknown_one_is_401_unless_anonymous_publishing_is_allowed() {
        try (TestServer t = TestServer.start(DbKind.SQLITE, s -> ServerSettings.local(s.database(), false))) {
            HttpResponse<String> none = t.publish("acme", "pdf-tools", TestArchives.skill("pdf-tools").tarGz());
            HttpResponse<String> unknown = t.send(t.request(VERSIONS).header("Content-Type", "application/gzip")
                    .header("Authorization", "Bearer not-a-real-token")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestArchives.skill("pdf-tools").tarGz())).build());

            assertThat(problem(none, 401).get("detail").asString()).contains("token", "publish");
            assertThat(problem(unknown, 401).get("detail").asString()).doesNotContain("not-a-real-token");
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Bearer"));
            assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Bearer").contains("invalid_token"));
            assertNothingStored(t);
        }
    }
}
