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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Installs over HTTP (API and discovery index), a digest mismatch, and the skills CLI's folder layout. */
class InstallRemoteIT {

    @TempDir
    Path tmp;

    /** A real server on port 0 over a fresh database, publishing without a token. */
    private record Server(LocalRegistry registry, SkillbaseServer server) implements AutoCloseable {
        static Server start(DbKind kind) {
            LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind));
            return new Server(registry, SkillbaseServer.start(ServerSettings.local(registry.url(), true), registry,
                    PublishGuard.anonymous(true)));
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

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void installs_and_updates_over_http_from_the_api_and_from_a_discovery_index(DbKind kind) {
        try (Server server = Server.start(kind)) {
            Sandbox s = new Sandbox(tmp, "--registry", server.url());
            s.publish("acme", "pdf-tools", "1.0.0", "One.");
            s.publish("acme", "csv-tools", "2.0.0", "Csv.");

            CliRun.Result api = s.cli("install", "acme/pdf-tools@^1", "--agent", "claude-code");
            CliRun.Result index = CliRun.run(s.env, "install", server.url() + "/ns/acme@csv-tools", "--agent",
                    "claude-code", "--project", s.project.toString());
            s.publish("acme", "pdf-tools", "1.2.0", "One point two.");
            CliRun.Result updated = s.cli("update", "pdf-tools");

            assertThat(api.exitCode()).as(api.toString()).isZero();
            assertThat(index.exitCode()).as(index.toString()).isZero();
            assertThat(index.out()).contains("installed csv-tools");
            assertThat(Sandbox.read(s.project.resolve(".claude/skills/csv-tools/SKILL.md"))).contains("Csv.");
            assertThat(updated.exitCode()).as(updated.toString()).isZero();
            assertThat(updated.out()).contains("pdf-tools 1.0.0 -> 1.2.0");
            assertThat(Sandbox.read(s.project.resolve(".claude/skills/pdf-tools/SKILL.md")))
                    .contains("One point two.");
            assertThat(s.local("verify").exitCode()).isZero();
        }
    }

    @Test
    void a_tag_selects_its_version_over_http() {
        try (Server server = Server.start(DbKind.SQLITE)) {
            Sandbox s = new Sandbox(tmp, "--registry", server.url());
            s.publish("acme", "pdf-tools", "1.0.0", "One.");
            s.publish("acme", "pdf-tools", "2.0.0", "Two.");
            server.registry().setVersionTag(new SkillRef("acme", "pdf-tools"), "stable", "1.0.0");

            CliRun.Result tagged = s.cli("install", "acme/pdf-tools@stable", "--agent", "roo");
            CliRun.Result noTag = s.cli("install", "acme/pdf-tools@beta", "--agent", "roo");

            assertThat(tagged.exitCode()).as(tagged.toString()).isZero();
            assertThat(Sandbox.read(s.project.resolve(".roo/skills/pdf-tools/SKILL.md"))).contains("One.");
            assertThat(noTag.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(noTag.err()).contains("no tag 'beta'");
        }
    }

    @Test
    void an_archive_that_does_not_match_its_digest_is_refused_before_anything_is_written() throws Exception {
        Path db = TestDatabases.freshSqlite();
        Sandbox s = new Sandbox(tmp, "--db", db.toString());
        s.publish("acme", "pdf-tools", "1.0.0", "One.");
        s.publish("acme", "other-tool", "1.0.0", "Other.");
        String digest;
        byte[] otherArchive;
        try (LocalRegistry registry = LocalRegistry.open(db.toString())) {
            digest = registry.versions(new SkillRef("acme", "pdf-tools")).getFirst().archiveDigest();
            otherArchive = registry.archive(new SkillRef("acme", "other-tool"), "1.0.0").orElseThrow();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE blobs SET content = ? WHERE digest = ?")) {
            update.setBytes(1, otherArchive);
            update.setString(2, digest);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        CliRun.Result result = s.cli("install", "acme/pdf-tools", "--agent", "claude-code");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).contains("acme/pdf-tools@1.0.0 (archive) has digest").contains(digest)
                .contains("nothing was written");
        assertThat(Sandbox.tree(s.project)).containsOnlyKeys("");
        assertThat(Files.exists(s.project.resolve("skillbase.lock"))).isFalse();
    }
}
