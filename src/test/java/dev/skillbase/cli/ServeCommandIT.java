package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestRequests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServeCommandIT {

    @Test
    void help_documents_the_options_and_the_publish_guard() {
        CliRun.Result result = CliRun.run("serve", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--port", "--host", "--db", "--base-url", "--cors-origin",
                "--max-upload-bytes", "--allow-anonymous-publish", "SKILLBASE_PORT", "401", "143", "admin bootstrap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port=70000", "--port=http", "--base-url=ftp://x", "--base-url=not a url",
        "--max-upload-bytes=0", "--cors-origin=https://x.example/path", "--host=bad host", "--match-vectors=maybe"})
    void a_bad_setting_exits_2_naming_it(String option) {
        CliRun.Result result = CliRun.run("serve", option, "--db", TestDatabases.freshSqlite().toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(option.substring(0, option.indexOf('=')));
    }

    @Test
    void the_fat_jar_serves_until_sigterm_then_stops_cleanly_with_143() throws Exception {
        Path jar = Path.of("target/skillbase.jar");
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-jar",
                jar.toString(), "serve", "--port", "0", "--db", TestDatabases.freshSqlite().toString());
        Path err = Files.createTempFile("skillbase-serve", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as(Files.readString(err)).startsWith("skillbase listening on http://127.0.0.1:");
            URI url = URI.create(line.substring("skillbase listening on ".length()));
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(url.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            }

            process.destroy();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
            List<String> log = Files.readAllLines(err);
            assertThat(log).anyMatch(l -> l.contains("skillbase.access") && l.contains("GET /health 200"));
            assertThat(log).noneMatch(l -> l.contains("ERROR") || l.contains("Exception"));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(err);
        }
    }

    @Test
    void analytics_events_still_queued_at_sigterm_are_written_before_the_process_exits() throws Exception {
        Path db = TestDatabases.freshSqlite();
        SkillRef skill = new SkillRef("acme", "pdf-tools");
        try (LocalRegistry registry = LocalRegistry.open(db.toString())) {
            registry.publish(TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", "1.0.0", "", List.of()));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-jar",
                "target/skillbase.jar", "serve", "--port", "0", "--db", db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); HttpClient http = HttpClient.newHttpClient()) {
            URI url = URI.create(out.readLine().substring("skillbase listening on ".length()));
            HttpRequest read = HttpRequest.newBuilder(url.resolve("/api/v1/skills/acme/pdf-tools")).build();
            List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                reads.add(http.sendAsync(read, HttpResponse.BodyHandlers.discarding()));
            }
            reads.forEach(r -> assertThat(r.join().statusCode()).isEqualTo(200));

            process.destroy();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
        } finally {
            process.destroyForcibly();
        }
        try (LocalRegistry registry = LocalRegistry.open(db.toString())) {
            assertThat(registry.analytics().recorded(skill, AnalyticsEvent.VIEWED)).isEqualTo(200);
        }
    }

    @Test
    void settings_come_from_the_environment_when_no_flag_is_given() throws IOException {
        // the in-process CLI cannot change its own environment: a child process checks SKILLBASE_PORT
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-jar",
                "target/skillbase.jar", "serve", "--db", TestDatabases.freshSqlite().toString());
        builder.environment().put("SKILLBASE_PORT", "99999");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("SKILLBASE_PORT");
    }
}
