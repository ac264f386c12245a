package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.server.PublishGuard;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The CLI against a registry server ({@code --registry URL}): the same commands, the same exit codes. */
class RemoteRegistryCliIT {

    @TempDir
    Path tmp;

    /** A real server on port 0 over a fresh database. */
    private record Server(LocalRegistry registry, SkillbaseServer server) implements AutoCloseable {
        static Server start(DbKind kind, boolean anonymousPublish) {
            LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind));
            return new Server(registry, SkillbaseServer.start(ServerSettings.local(registry.url(), anonymousPublish),
                    registry, PublishGuard.anonymous(anonymousPublish)));
        }

        String url() {
            return server.url().toString();
        }

        @Override
        public void close() {
            server.close();
            registry.close();
        }
    }

    private SkillTree tree() {
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        tree.skill("development/languages/python", "python-style", "Formats Python code");
        tree.skill("writing/release-notes", "release-notes", "Writes release notes");
        return tree;
    }

    private static CliRun.Result run(Server server, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--registry";
        all[args.length + 1] = server.url();
        return CliRun.run(all);
    }

    private static JsonNode json(CliRun.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Cli.parse(result.out());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void push_list_show_search_and_stats_work_against_a_server(DbKind kind) {
        try (Server server = Server.start(kind, true)) {
            CliRun.Result pushed = run(server, "push", tree().root().toString(), "--namespace", "team");

            assertThat(pushed.exitCode()).as(pushed.toString()).isZero();
            assertThat(pushed.out()).contains("2 added");
            JsonNode list = json(run(server, "list", "--json"));
            assertThat(list.get("total").asInt()).isEqualTo(2);
            JsonNode shown = json(run(server, "show", "team/python-style", "--json", "--files"));
            assertThat(shown.get("taxonomyPath").asString()).isEqualTo("development/languages/python");
            assertThat(shown.get("version").get("version").asString()).isEqualTo("0.1.0");
            JsonNode found = json(run(server, "search", "release", "--json"));
            assertThat(found.get("items").get(0).get("skill").get("name").asString()).isEqualTo("release-notes");
            assertThat(json(run(server, "stats", "--json")).get("skills").asInt()).isEqualTo(2);
            assertThat(server.registry().skill(new SkillRef("team", "python-style"))).isPresent();
            CliRun.Result again = run(server, "push", tree().root().toString(), "--namespace", "team");
            assertThat(again.out()).contains("2 unchanged");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void push_publishes_changed_content_under_a_taken_declared_version_as_the_next_patch_like_a_local_push(DbKind kind) {
        try (Server server = Server.start(kind, true)) {
            SkillTree remote = new SkillTree(tmp.resolve("remote"));
            SkillTree local = new SkillTree(tmp.resolve("local"));
            String skillMd = "---\nname: notes\ndescription: Takes notes\nmetadata:\n  version: 1.0.0\n---\n# notes\n";
            remote.skillMd("notes", skillMd);
            local.skillMd("notes", skillMd);
            String db = TestDatabases.freshUrl(kind);

            CliRun.Result firstRemote = run(server, "push", remote.root().toString(), "--namespace", "team");
            CliRun.Result firstLocal = CliRun.run("push", local.root().toString(), "--namespace", "team", "--db", db);
            remote.append("notes/SKILL.md", "Changed, still declaring 1.0.0.\n");
            local.append("notes/SKILL.md", "Changed, still declaring 1.0.0.\n");
            CliRun.Result changedRemote = run(server, "push", remote.root().toString(), "--namespace", "team");
            CliRun.Result changedLocal = CliRun.run("push", local.root().toString(), "--namespace", "team", "--db", db);

            assertThat(firstRemote.exitCode()).as(firstRemote.toString()).isZero();
            assertThat(firstLocal.exitCode()).as(firstLocal.toString()).isZero();
            assertThat(changedRemote.exitCode()).as(changedRemote.toString()).isZero();
            assertThat(changedRemote.out()).contains("1 updated");
            assertThat(changedLocal.exitCode()).as(changedLocal.toString()).isZero();
            SkillRef notes = new SkillRef("team", "notes");
            assertThat(server.registry().versions(notes)).extracting(v -> v.version())
                    .containsExactly("1.0.1", "1.0.0");
            try (LocalRegistry direct = LocalRegistry.open(db)) {
                assertThat(direct.versions(notes)).extracting(v -> v.version()).containsExactly("1.0.1", "1.0.0");
                assertThat(direct.versions(notes).getFirst().contentDigest())
                        .isEqualTo(server.registry().versions(notes).getFirst().contentDigest());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void publish_prints_version_and_digests_and_a_changed_republish_is_a_conflict(DbKind kind) {
        try (Server server = Server.start(kind, true)) {
            SkillTree tree = tree();
            Path skill = tree.root().resolve("writing/release-notes");

            JsonNode published = json(run(server, "publish", skill.toString(), "--namespace", "acme", "--version",
                    "1.0.0", "--category", "writing", "--json"));
            CliRun.Result same = run(server, "publish", skill.toString(), "--namespace", "acme", "--version", "1.0.0");
            tree.append("writing/release-notes/SKILL.md", "More.\n");
            CliRun.Result changed = run(server, "publish", skill.toString(), "--namespace", "acme", "--version",
                    "1.0.0");

            assertThat(published.get("outcome").asString()).isEqualTo("created");
            assertThat(published.get("version").asString()).isEqualTo("1.0.0");
            assertThat(published.get("archiveDigest").asString()).startsWith("sha256:");
            assertThat(published.get("contentDigest").asString()).startsWith("sha256:");
            assertThat(server.registry().skill(new SkillRef("acme", "release-notes")).orElseThrow().taxonomyPath())
                    .isEqualTo("writing");
            assertThat(same.exitCode()).as(same.toString()).isZero();
            assertThat(same.out()).startsWith("unchanged acme/release-notes@1.0.0");
            assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(ExitCodes.INVALID);
            assertThat(changed.err()).contains("1.0.0");
        }
    }

    @Test
    void publish_into_a_database_validates_strictly_and_needs_a_version() {
        Cli cli = new Cli(TestDatabases.freshUrl(DbKind.SQLITE));
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        Path good = tree.skillMd("good-skill", "---\nname: good-skill\ndescription: Does good things.\nmetadata:\n"
                + "  version: 2.1.0\n---\n# Good\n");
        Path misnamed = tree.skill("folder-name", "other-name", "Has the wrong name");

        JsonNode published = cli.json("publish", good.toString(), "--namespace", "acme");
        CliRun.Result invalid = cli.run("publish", misnamed.toString(), "--version", "1.0.0");
        CliRun.Result unversioned = cli.run("publish", tree.skill("plain", "plain", "Plain").toString());

        assertThat(published.get("version").asString()).isEqualTo("2.1.0");
        assertThat(cli.listed()).containsExactly("acme/good-skill");
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(invalid.err()).contains("name");
        assertThat(unversioned.exitCode()).as(unversioned.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(unversioned.err()).contains("--version");
    }

    @Test
    void publish_to_a_server_without_credentials_exits_3_and_says_how_to_send_a_token() {
        try (Server server = Server.start(DbKind.SQLITE, false)) {
            Path skill = tree().root().resolve("writing/release-notes");

            CliRun.Result refused = run(server, "publish", skill.toString(), "--version", "1.0.0");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
            assertThat(refused.err()).contains("401").contains("--token");
        }
    }

    @Test
    void a_malformed_registry_url_or_both_registry_and_db_are_usage_errors() {
        CliRun.Result malformed = CliRun.run("list", "--registry", "not a url");
        CliRun.Result ftp = CliRun.run("list", "--registry", "ftp://example.com");
        CliRun.Result both = CliRun.run("list", "--registry", "http://127.0.0.1:1", "--db",
                TestDatabases.freshUrl(DbKind.SQLITE));

        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("not a url");
        assertThat(ftp.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--registry").contains("--db");
    }

    @Test
    void an_unreachable_registry_exits_3_naming_its_url() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        CliRun.Result result = CliRun.run("stats", "--registry", url);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(result.err()).contains("cannot reach the registry at " + url);
    }
}
