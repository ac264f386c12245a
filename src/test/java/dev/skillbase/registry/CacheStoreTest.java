package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreTest {
    private static final String KEY = "http://127.0.0.1:8080/api/v1/skills/acme/pdf";
    private static final Instant AT = Instant.parse("2026-12-07T21:00:00Z");

    @TempDir
    Path folder;

    private static CacheStore.Entry entry(String body, String etag) {
        return new CacheStore.Entry(body.getBytes(StandardCharsets.UTF_8), Optional.ofNullable(etag), AT);
    }

    private static String text(Optional<CacheStore.Entry> entry) {
        return new String(entry.orElseThrow().body(), StandardCharsets.UTF_8);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void reads_back_what_it_wrote_with_its_etag_and_time() {
        CacheStore store = new CacheStore(folder);

        store.write(KEY, entry("{\"name\":\"pdf\"}", "\"abc\""));

        CacheStore.Entry read = store.read(KEY).orElseThrow();
        assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"pdf\"}");
        assertThat(read.etag()).contains("\"abc\"");
        assertThat(read.storedAt()).isEqualTo(AT);
        assertThat(store.read(KEY + "/versions")).isEmpty();
    }

    @Test
    void a_rewrite_replaces_the_entry_whole_and_leaves_no_temporary_file() throws IOException {
        CacheStore store = new CacheStore(folder);

        store.write(KEY, entry("first, and longer than the second", null));
        store.write(KEY, entry("second", null));

        assertThat(text(store.read(KEY))).isEqualTo("second");
        assertThat(store.read(KEY).orElseThrow().etag()).isEmpty();
        assertThat(files()).containsExactly(store.responseFile(KEY));
    }

    @Test
    void an_entry_whose_body_was_altered_or_cut_is_deleted_and_reads_as_absent() throws IOException {
        CacheStore store = new CacheStore(folder);
        store.write(KEY, entry("{\"latest\":\"1.0.0\"}", null));
        store.write(KEY + "/versions", entry("{\"versions\":[]}", null));
        Path altered = store.responseFile(KEY);
        Path cut = store.responseFile(KEY + "/versions");
        Files.writeString(altered, Files.readString(altered).replace("1.0.0", "9.9.9"));
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThat(store.read(KEY)).isEmpty();
        assertThat(store.read(KEY + "/versions")).isEmpty();
        assertThat(altered).doesNotExist();
        assertThat(cut).doesNotExist();
    }

    @Test
    void an_archive_is_kept_once_under_its_digest_and_checked_when_read() throws IOException {
        CacheStore store = new CacheStore(folder);
        byte[] archive = "tar.gz bytes".getBytes(StandardCharsets.UTF_8);
        String digest = CacheStore.sha256(archive);

        store.writeArchive(KEY + "/versions/1.0.0/archive", digest,
                new CacheStore.Entry(archive, Optional.empty(), AT));
        store.writeArchive("http://other:80/a/archive", digest, new CacheStore.Entry(archive, Optional.empty(), AT));

        assertThat(store.read(KEY + "/versions/1.0.0/archive").orElseThrow().body()).isEqualTo(archive);
        assertThat(store.read("http://other:80/a/archive").orElseThrow().body()).isEqualTo(archive);
        assertThat(files()).filteredOn(f -> f.startsWith(folder.resolve("archives")))
                .containsExactly(store.archiveFile(digest));
    }

    @Test
    void an_archive_that_does_not_match_its_digest_is_not_kept() {
        CacheStore store = new CacheStore(folder);
        byte[] archive = "tar.gz bytes".getBytes(StandardCharsets.UTF_8);
        String other = CacheStore.sha256("other bytes".getBytes(StandardCharsets.UTF_8));

        store.writeArchive(KEY + "/archive", other, new CacheStore.Entry(archive, Optional.empty(), AT));

        assertThat(store.read(KEY + "/archive")).isEmpty();
        assertThat(store.archiveFile(other)).doesNotExist();
    }

    @Test
    void a_damaged_archive_is_deleted_and_reads_as_absent() throws IOException {
        CacheStore store = new CacheStore(folder);
        byte[] archive = "tar.gz bytes".getBytes(StandardCharsets.UTF_8);
        String digest = CacheStore.sha256(archive);
        store.writeArchive(KEY + "/archive", digest, new CacheStore.Entry(archive, Optional.empty(), AT));
        Files.writeString(store.archiveFile(digest), "other bytes");

        assertThat(store.read(KEY + "/archive")).isEmpty();
        assertThat(store.archiveFile(digest)).doesNotExist();
        assertThat(store.responseFile(KEY + "/archive")).doesNotExist();
    }

    @Test
    void removing_an_entry_forgets_it() {
        CacheStore store = new CacheStore(folder);
        store.write(KEY, entry("{}", null));

        store.remove(KEY);

        assertThat(store.read(KEY)).isEmpty();
    }

    @Test
    void readers_see_one_whole_entry_or_the_other_while_writers_replace_it() throws Exception {
        CacheStore store = new CacheStore(folder);
        String first = "a".repeat(256 * 1024);
        String second = "b".repeat(128 * 1024);
        store.write(KEY, entry(first, null));
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200; i++) {
                store.write(KEY, entry(i % 2 == 0 ? second : first, null));
            }
            done.set(true);
        });
        int reads = 0;
        while (!done.get() || reads < 50) {
            assertThat(text(store.read(KEY))).isIn(first, second);
            reads++;
        }
        writer.join();

        assertThat(files()).containsExactly(store.responseFile(KEY));
    }
}
