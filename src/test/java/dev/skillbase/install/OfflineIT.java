package dev.skillbase.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.cli.ExitCodes;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.server.PublishGuard;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI against a real server that is then stopped: reads come from the offline cache, checked, or fail as such. */
class OfflineIT {
    private static final SkillRef PDF = new SkillRef("acme", "pdf-tools");

    @TempDir
    Path tmp;

    /** A real server on port 0 over a fresh SQLite database, publishing without a token. */
    private record Server(LocalRegistry registry, SkillbaseServer server) implements AutoCloseable {
        static Server start() {
            LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(DbKind.SQLITE));
            return new Server(registry, SkillbaseServer.start(ServerSettings.local(registry.url(), true), registry,
                    PublishGuard.anonymous(true)));
        }

        String url() {
            return server.url().toString();
        }

        String archiveDigest(String version) {
            return registry.versions(PDF).stream().filter(v -> v.version().equals(version)).findFirst().orElseThrow()
                    .archiveDigest();
        }

        @Override
        public void close() {
            server.close();
            registry.close();
        }
    }

    /** A command run with the sandbox's HOME (so its cache) against {@code url}; {@code project} when not null. */
    private static CliRun.Result run(Sandbox s, String url, Path project, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--registry", url));
        if (project != null) {
            all.addAll(List.of("--project", project.toString()));
        }
        return CliRun.run(s.env, all.toArray(String[]::new));
    }

    private static String notice(String url) {
        return "skillbase: registry " + url + " is unreachable; offline, showing cached data from ";
    }

    @Test
    void search_show_and_install_work_from_the_cache_once_the_server_is_stopped() throws IOException {
        Sandbox s = new Sandbox(tmp);
        Path other = Sandbox.mkdirs(tmp.resolve("other-project"));
        String url;
        try (Server server = Server.start()) {
            url = server.url();
            Sandbox online = new Sandbox(tmp, "--registry", url);
            online.publish("acme", "pdf-tools", "1.0.0", "One.");
            online.publish("acme", "pdf-tools", "1.1.0", "One point one.");
            for (String[] command : List.of(new String[] {"search", "pdf"}, new String[] {"search", "pdf", "--json"},
                    new String[] {"show", "acme/pdf-tools"}, new String[] {"list"})) {
                CliRun.Result result = run(s, url, null, command);
                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.err()).isEmpty();
            }
            CliRun.Result installed = run(s, url, s.project, "install", "acme/pdf-tools@^1", "--agent", "claude-code");
            assertThat(installed.exitCode()).as(installed.toString()).isZero();
        }

        CliRun.Result search = run(s, url, null, "search", "pdf");
        CliRun.Result json = run(s, url, null, "search", "pdf", "--json");
        CliRun.Result show = run(s, url, null, "show", "acme/pdf-tools");
        CliRun.Result list = run(s, url, null, "list");
        CliRun.Result outdated = run(s, url, s.project, "outdated");
        CliRun.Result install = run(s, url, other, "install", "acme/pdf-tools@^1", "--agent", "claude-code");
        Sandbox.delete(s.project.resolve(".agents/skills/pdf-tools"));
        CliRun.Result restore = run(s, url, s.project, "install");

        assertThat(search.exitCode()).as(search.toString()).isZero();
        assertThat(search.out()).contains("acme/pdf-tools").contains("1.1.0");
        assertThat(search.err()).startsWith(notice(url)).hasLineCount(1);
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode page = JsonMapper.builder().build().readTree(json.out());
        assertThat(page.path("total").asInt()).isEqualTo(1);
        assertThat(json.err()).startsWith(notice(url)).hasLineCount(1);
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("acme/pdf-tools").contains("1.1.0").contains("1.0.0");
        assertThat(show.err()).startsWith(notice(url)).hasLineCount(1);
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("acme/pdf-tools");
        assertThat(list.err()).startsWith(notice(url)).hasLineCount(1);
        assertThat(outdated.exitCode()).as(outdated.toString()).isZero();
        assertThat(outdated.out()).contains("every installed skill is at its newest version");
        assertThat(outdated.err()).startsWith(notice(url)).hasLineCount(1);
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.out()).contains("installed pdf-tools 1.1.0");
        assertThat(install.err()).startsWith(notice(url)).hasLineCount(1);
        assertThat(Sandbox.read(other.resolve(".claude/skills/pdf-tools/SKILL.md"))).contains("One point one.");
        assertThat(Sandbox.read(other.resolve("skillbase.lock"))).contains("1.1.0");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.out()).contains("restored pdf-tools 1.1.0");
        assertThat(Sandbox.read(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).contains("One point one.");
        assertThat(s.local("verify").exitCode()).isZero();
    }

    @Test
    void a_damaged_cached_archive_is_deleted_and_never_installed() throws IOException {
        Sandbox s = new Sandbox(tmp);
        Path other = Sandbox.mkdirs(tmp.resolve("other-project"));
        String url;
        String digest;
        Path cache;
        try (Server server = Server.start()) {
            url = server.url();
            Sandbox online = new Sandbox(tmp, "--registry", url);
            online.publish("acme", "pdf-tools", "1.0.0", "One.");
            online.publish("acme", "pdf-tools", "1.1.0", "One point one.");
            assertThat(run(s, url, s.project, "install", "acme/pdf-tools@1.0.0", "--agent", "claude-code")
                    .exitCode()).isZero();
            assertThat(run(s, url, other, "install", "acme/pdf-tools@1.1.0", "--agent", "claude-code")
                    .exitCode()).isZero();
            digest = server.archiveDigest("1.1.0");
            cache = s.home.resolve(".cache/skillbase/registry/" + server.server().url().getHost() + "-"
                    + server.server().url().getPort());
        }
        Path archive = cache.resolve("archives").resolve(digest.replace(':', '-'));
        Path older;
        try (var archives = Files.list(cache.resolve("archives"))) {
            older = archives.filter(p -> !p.equals(archive)).findFirst().orElseThrow();
        }
        // a valid archive, but of 1.0.0: installed unchecked, it would pass for 1.1.0
        Files.copy(older, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> before = Sandbox.tree(s.project);
        String lockBefore = Sandbox.read(s.project.resolve("skillbase.lock"));

        CliRun.Result result = run(s, url, s.project, "install", "acme/pdf-tools@1.1.0", "--agent", "claude-code");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(result.err()).contains("is unreachable and nothing is cached for GET "
                + "/api/v1/skills/acme/pdf-tools/versions/1.1.0/archive");
        assertThat(archive).doesNotExist();
        assertThat(Sandbox.tree(s.project)).isEqualTo(before);
        assertThat(Sandbox.read(s.project.resolve("skillbase.lock"))).isEqualTo(lockBefore);
        assertThat(Sandbox.read(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).contains("One.");
    }

    @Test
    void what_was_never_fetched_and_every_write_fail_offline_as_unreachable() {
        Sandbox s = new Sandbox(tmp);
        String url;
        try (Server server = Server.start()) {
            url = server.url();
            new Sandbox(tmp, "--registry", url).publish("acme", "pdf-tools", "1.0.0", "One.");
            assertThat(run(s, url, null, "show", "acme/pdf-tools").exitCode()).isZero();
        }

        CliRun.Result install = run(s, url, s.project, "install", "acme/never-seen", "--agent", "claude-code");
        CliRun.Result show = run(s, url, null, "show", "acme/never-seen");
        CliRun.Result publish = run(s, url, null, "publish", s.skillFolder("pdf-tools", "2.0.0", "Two.").toString(),
                "--namespace", "acme", "--version", "2.0.0");

        assertThat(install.exitCode()).as(install.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(install.err()).contains("the registry at " + url + " is unreachable and nothing is cached for "
                + "GET /api/v1/skills/acme/never-seen");
        assertThat(show.exitCode()).as(show.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(show.err()).contains("nothing is cached for GET /api/v1/skills/acme/never-seen");
        assertThat(publish.exitCode()).as(publish.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(publish.err()).contains("cannot reach the registry at " + url).doesNotContain("offline");
        assertThat(Files.exists(s.project.resolve("skillbase.lock"))).isFalse();
    }

    @Test
    void online_answers_are_the_servers_even_when_the_cache_cannot_be_written_and_the_cache_can_be_turned_off() {
        Sandbox s = new Sandbox(tmp);
        Map<String, String> off = new HashMap<>(s.env);
        off.put("SKILLBASE_OFFLINE_CACHE", "off");
        off.put("XDG_CACHE_HOME", tmp.resolve("off-cache").toString());
        Map<String, String> bad = new HashMap<>(s.env);
        bad.put("SKILLBASE_OFFLINE_CACHE", "sometimes");
        Map<String, String> unwritable = new HashMap<>(s.env);
        Path notAFolder = tmp.resolve("cache-is-a-file");
        Sandbox.write(notAFolder, "not a folder");
        unwritable.put("XDG_CACHE_HOME", notAFolder.toString());
        String url;
        CliRun.Result fresh;
        CliRun.Result uncached;
        CliRun.Result badSetting;
        try (Server server = Server.start()) {
            url = server.url();
            Sandbox online = new Sandbox(tmp, "--registry", url);
            online.publish("acme", "pdf-tools", "1.0.0", "One.");
            assertThat(run(s, url, null, "show", "acme/pdf-tools").out()).contains("1.0.0");
            online.publish("acme", "pdf-tools", "1.2.0", "One point two.");
            fresh = run(s, url, null, "show", "acme/pdf-tools");
            uncached = CliRun.run(off, "show", "acme/pdf-tools", "--registry", url);
            badSetting = CliRun.run(bad, "show", "acme/pdf-tools", "--registry", url);
            CliRun.Result cacheNotWritable = CliRun.run(unwritable, "show", "acme/pdf-tools", "--registry", url);
            assertThat(cacheNotWritable.exitCode()).as(cacheNotWritable.toString()).isZero();
            assertThat(cacheNotWritable.out()).contains("1.2.0");
        }
        CliRun.Result offlineOff = CliRun.run(off, "show", "acme/pdf-tools", "--registry", url);
        CliRun.Result offline = run(s, url, null, "show", "acme/pdf-tools");

        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        assertThat(fresh.out()).contains("1.2.0");
        assertThat(fresh.err()).isEmpty();
        assertThat(uncached.exitCode()).as(uncached.toString()).isZero();
        assertThat(tmp.resolve("off-cache")).doesNotExist();
        assertThat(badSetting.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badSetting.err()).contains("SKILLBASE_OFFLINE_CACHE='sometimes'");
        assertThat(offlineOff.exitCode()).as(offlineOff.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(offlineOff.err()).contains("cannot reach the registry").doesNotContain("offline");
        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        assertThat(offline.out()).contains("1.2.0");
    }

    @Test
    void cache_dir_names_the_folder_and_cache_clean_empties_it() {
        Sandbox s = new Sandbox(tmp);
        String url;
        try (Server server = Server.start()) {
            url = server.url();
            new Sandbox(tmp, "--registry", url).publish("acme", "pdf-tools", "1.0.0", "One.");
            assertThat(run(s, url, null, "show", "acme/pdf-tools").exitCode()).isZero();
        }
        Path folder = s.home.resolve(".cache/skillbase/registry");

        CliRun.Result dir = CliRun.run(s.env, "cache", "dir");
        CliRun.Result otherRegistry = CliRun.run(s.env, "cache", "clean", "--registry", "http://example.com");
        CliRun.Result stillCached = run(s, url, null, "show", "acme/pdf-tools");
        CliRun.Result clean = CliRun.run(s.env, "cache", "clean", "--registry", url + "/");
        CliRun.Result gone = run(s, url, null, "show", "acme/pdf-tools");
        CliRun.Result malformed = CliRun.run(s.env, "cache", "clean", "--registry", "ftp://example.com");

        assertThat(dir.out().strip()).isEqualTo(folder.toString());
        assertThat(otherRegistry.out()).contains("deleted 0 cached files");
        assertThat(stillCached.exitCode()).as(stillCached.toString()).isZero();
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("deleted 4 cached files from " + folder);
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(gone.err()).contains("nothing is cached");
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
