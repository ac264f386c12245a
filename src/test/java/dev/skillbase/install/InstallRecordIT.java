package dev.skillbase.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.Scope;
import dev.skillbase.account.User;
import dev.skillbase.cli.ExitCodes;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI end to end against a running server with tokens: install, update and uninstall record the installation
 * per agent and scope (seen in GET /api/v1/me/installations and the skill's install count); without a token or with
 * --no-record nothing is recorded; a server that cannot record is a warning, never a failed command.
 */
class InstallRecordIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    /** A real server on port 0 that checks tokens, and user alice with a token that may publish into alice. */
    private record Server(LocalRegistry registry, SkillbaseServer server, String token) implements AutoCloseable {
        static Server start(DbKind kind) {
            LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind));
            SkillbaseServer server = SkillbaseServer.start(ServerSettings.local(registry.url(), false), registry);
            User alice = registry.accounts().createUser("alice", false);
            String token = registry.accounts().issueToken(alice, EnumSet.of(Scope.READ, Scope.PUBLISH),
                    Optional.empty(), Optional.empty()).secret();
            return new Server(registry, server, token);
        }

        String url() {
            return server.url().toString();
        }

        long installs() {
            return registry.skill(new SkillRef("alice", "pdf-tools")).orElseThrow().installs();
        }

        /** GET /api/v1/me/installations as alice: each item as "agent scope version auto_update". */
        List<String> mine() throws IOException, InterruptedException {
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url()
                                + "/api/v1/me/installations")).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                List<String> items = new ArrayList<>();
                for (JsonNode item : JSON.readTree(response.body()).get("items")) {
                    items.add(item.get("skill").asString() + " " + item.get("agent").asString() + " "
                            + item.get("scope").asString() + " " + item.get("version").asString() + " auto="
                            + item.get("auto_update").asBoolean() + " updates=" + item.get("updates").asLong());
                }
                return items;
            }
        }

        @Override
        public void close() {
            server.close();
            registry.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void install_update_and_uninstall_with_a_token_are_recorded_per_agent_and_scope(DbKind kind) throws Exception {
        try (Server server = Server.start(kind)) {
            Sandbox s = new Sandbox(tmp, "--registry", server.url(), "--token", server.token());
            s.publish("alice", "pdf-tools", "1.0.0", "One.");

            CliRun.Result installed = s.cli("install", "alice/pdf-tools@^1", "--agent", "claude-code,cursor");
            assertThat(installed.exitCode()).as(installed.toString()).isZero();
            assertThat(installed.err()).doesNotContain("warning");
            assertThat(server.mine()).containsExactly(
                    "alice/pdf-tools claude-code project 1.0.0 auto=true updates=0",
                    "alice/pdf-tools cursor project 1.0.0 auto=true updates=0");
            assertThat(server.installs()).as("one user").isEqualTo(1);

            s.publish("alice", "pdf-tools", "1.2.0", "One point two.");
            CliRun.Result updated = s.cli("update");
            assertThat(updated.exitCode()).as(updated.toString()).isZero();
            assertThat(server.mine()).containsExactly(
                    "alice/pdf-tools claude-code project 1.2.0 auto=true updates=1",
                    "alice/pdf-tools cursor project 1.2.0 auto=true updates=1");

            CliRun.Result global = CliRun.run(s.env, "install", "alice/pdf-tools@1.0.0", "--agent", "codex",
                    "--global", "--registry", server.url(), "--token", server.token());
            assertThat(global.exitCode()).as(global.toString()).isZero();
            assertThat(server.mine()).contains("alice/pdf-tools codex global 1.0.0 auto=false updates=0");

            CliRun.Result uninstalled = s.cli("uninstall", "pdf-tools");
            assertThat(uninstalled.exitCode()).as(uninstalled.toString()).isZero();
            assertThat(server.mine()).containsExactly("alice/pdf-tools codex global 1.0.0 auto=false updates=0");
            assertThat(server.installs()).isEqualTo(1);
        }
    }

    @Test
    void without_a_token_or_with_no_record_nothing_is_recorded() throws Exception {
        try (Server server = Server.start(DbKind.SQLITE)) {
            new Sandbox(tmp.resolve("publisher"), "--registry", server.url(), "--token", server.token())
                    .publish("alice", "pdf-tools", "1.0.0", "One.");
            Sandbox anonymous = new Sandbox(tmp.resolve("anonymous"), "--registry", server.url());
            Sandbox opted = new Sandbox(tmp.resolve("opted"), "--registry", server.url(), "--token", server.token());

            CliRun.Result plain = anonymous.cli("install", "alice/pdf-tools", "--agent", "claude-code");
            CliRun.Result noRecord = opted.cli("install", "alice/pdf-tools", "--agent", "claude-code", "--no-record");

            assertThat(plain.exitCode()).as(plain.toString()).isZero();
            assertThat(noRecord.exitCode()).as(noRecord.toString()).isZero();
            assertThat(Files.exists(opted.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).isTrue();
            assertThat(server.mine()).isEmpty();
            assertThat(server.installs()).isZero();
        }
    }

    @Test
    void a_server_that_cannot_record_is_a_warning_and_the_local_change_stands() throws Exception {
        Sandbox s;
        String url;
        String token;
        try (Server server = Server.start(DbKind.SQLITE)) {
            url = server.url();
            token = server.token();
            s = new Sandbox(tmp, "--registry", url, "--token", token);
            s.publish("alice", "pdf-tools", "1.0.0", "One.");
            CliRun.Result installed = s.cli("install", "alice/pdf-tools", "--agent", "claude-code");
            assertThat(installed.exitCode()).as(installed.toString()).isZero();
            assertThat(server.mine()).hasSize(1);
        }

        CliRun.Result uninstalled = s.cli("uninstall", "pdf-tools");

        assertThat(uninstalled.exitCode()).as(uninstalled.toString()).isZero();
        assertThat(uninstalled.err()).contains("warning: pdf-tools (alice/pdf-tools) is uninstalled for claude-code, "
                + "but the registry did not remove its record").contains("cannot reach the registry at " + url);
        assertThat(uninstalled.out()).contains("uninstalled pdf-tools");
        assertThat(Files.exists(s.project.resolve(".claude/skills/pdf-tools"))).isFalse();
        assertThat(Files.exists(s.project.resolve(".agents/skills/pdf-tools"))).isFalse();
    }

    @Test
    void a_malformed_registry_url_fails_uninstall_before_anything_is_removed() {
        Sandbox s = new Sandbox(tmp, "--db", TestDatabases.freshSqlite().toString());
        s.publish("acme", "pdf-tools", "1.0.0", "One.");
        CliRun.Result installed = s.cli("install", "acme/pdf-tools", "--agent", "claude-code");
        assertThat(installed.exitCode()).as(installed.toString()).isZero();

        CliRun.Result result = s.local("uninstall", "pdf-tools", "--registry", "ftp://nowhere");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("ftp://nowhere");
        assertThat(Files.exists(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).isTrue();
        assertThat(Sandbox.read(s.project.resolve("skillbase.lock"))).contains("pdf-tools");
    }
}
