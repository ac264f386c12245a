package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.DiscoverableSkill;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleFile;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.TestArchives;
import dev.skillbase.store.NewFile;
import dev.skillbase.store.NewVersion;
import dev.skillbase.testing.DbKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
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

    /** A tar.gz of the files with PAX headers for long paths, as archives were built before the ustar prefix. */
    private static byte[] paxArchive(List<BundleFile> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes), "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (BundleFile file : files) {
                TarArchiveEntry entry = new TarArchiveEntry(file.path(), true);
                entry.setSize(file.size());
                tar.putArchiveEntry(entry);
                tar.write(file.content());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_version_whose_archive_was_built_in_an_older_format_is_served_as_stored(DbKind kind) throws Exception {
        try (TestServer t = TestServer.start(kind)) {
            String skillMd = TestArchives.skillMd("old-format", "Published before the ustar prefix.");
            String longPath = "references/" + "x".repeat(100) + "/notes.md";
            Bundle bundle = Bundle.of(List.of(new BundleFile("SKILL.md", skillMd.getBytes(StandardCharsets.UTF_8), false),
                    new BundleFile(longPath, "notes\n".getBytes(StandardCharsets.UTF_8), false)), BundleLimits.DEFAULT);
            byte[] old = paxArchive(bundle.files());
            String oldDigest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(old));
            assertThat(oldDigest).isNotEqualTo(bundle.archiveDigest());
            t.registry.publish(new NewVersion("acme", "old-format", "1.0.0", "old-format", "Published before.", "",
                    List.of(), Optional.empty(), Optional.empty(), "{}", "# old-format\n", bundle.contentDigest(),
                    oldDigest, old, bundle.files().stream().map(f -> new NewFile(f.path(), f.content(), false))
                    .toList(), Optional.empty(), Optional.empty()));

            JsonNode entry = TestServer.json(t.get("/.well-known/agent-skills/index.json")).get("skills").get(0);
            HttpResponse<byte[]> archive = t.getBytes("/api/v1/skills/acme/old-format/versions/1.0.0/archive");

            assertThat(entry.get("digest").asString()).isEqualTo(oldDigest);
            assertThat(archive.statusCode()).isEqualTo(200);
            assertThat(archive.body()).isEqualTo(old);
            assertThat(archive.headers().firstValue("ETag")).hasValue("\"" + oldDigest + "\"");
        }
    }
}
