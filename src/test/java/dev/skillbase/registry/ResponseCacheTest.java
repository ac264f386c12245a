package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline cache over real files: callers never share answers, and the folder is kept under its bound. */
class ResponseCacheTest {
    private static final URI BASE = URI.create("http://127.0.0.1:8080");
    private static final String PATH = "/api/v1/skills/acme/secret";

    @TempDir
    Path folder;

    private ResponseCache cache(String caller, List<String> notices) {
        return new ResponseCache(BASE, caller, Optional.of(new CacheStore(folder)), notices::add, Clock.systemUTC());
    }

    private static RegistryTransport.Response answer(String body) {
        return new RegistryTransport.Response(200, body.getBytes(StandardCharsets.UTF_8), Optional.of("\"v1\""));
    }

    private static ResponseCache.Exchange unreachable() {
        return ifNoneMatch -> {
            throw new RegistryUnavailableException("connection refused", new ConnectException("refused"));
        };
    }

    @Test
    void an_answer_fetched_by_one_caller_is_never_served_offline_to_another() {
        List<String> notices = new ArrayList<>();
        cache("token 0123456789abcdef", notices).get(PATH, ifNoneMatch -> answer("{\"private\":true}"));

        RegistryTransport.Response same = cache("token 0123456789abcdef", notices).get(PATH, unreachable());
        assertThat(new String(same.body(), StandardCharsets.UTF_8)).isEqualTo("{\"private\":true}");
        assertThat(notices).singleElement().asString().contains("offline, showing cached data");

        assertThatThrownBy(() -> cache("anonymous", notices).get(PATH, unreachable()))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("nothing is cached for GET " + PATH);
        assertThatThrownBy(() -> cache("token fedcba9876543210", notices).get(PATH, unreachable()))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void a_folder_over_its_bound_loses_its_least_recently_written_files_at_the_next_write() throws IOException {
        CacheStore unbounded = new CacheStore(folder);
        String body = "x".repeat(1000);
        for (int i = 0; i < 8; i++) {
            unbounded.write("key " + i, new CacheStore.Entry(body.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                    Instant.EPOCH));
            Files.setLastModifiedTime(unbounded.responseFile("key " + i), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        long total = sizes();
        CacheStore bounded = new CacheStore(folder, total - 1);

        bounded.write("key new", new CacheStore.Entry(new byte[1], Optional.empty(), Instant.EPOCH));

        assertThat(sizes()).isLessThanOrEqualTo((total - 1) / 4 * 3 + 2000);
        assertThat(bounded.read("key 0")).isEmpty();
        assertThat(bounded.read("key 1")).isEmpty();
        assertThat(bounded.read("key 7")).isPresent();
        assertThat(bounded.read("key new")).isPresent();
    }

    private long sizes() throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
