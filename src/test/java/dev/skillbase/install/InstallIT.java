package dev.skillbase.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.cli.ExitCodes;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** install, lockfile, update, outdated, verify and uninstall end to end, on both databases. */
class InstallIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private Sandbox sandbox(DbKind kind) {
        return new Sandbox(tmp, "--db", TestDatabases.freshUrl(kind));
    }

    private static JsonNode json(CliRun.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return JSON.readTree(result.out());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void install_into_several_agents_then_uninstall_leaves_nothing_behind(DbKind kind) throws IOException {
        Sandbox s = sandbox(kind);
        s.publish("acme", "pdf-tools", "1.0.0", "First.");
        Sandbox.mkdirs(s.project.resolve(".claude"));
        Sandbox.mkdirs(s.project.resolve(".windsurf"));
        Map<String, String> before = Sandbox.tree(s.project);

        CliRun.Result installed = s.cli("install", "acme/pdf-tools", "--agent", "claude-code,cursor,windsurf");

        assertThat(installed.exitCode()).as(installed.toString()).isZero();
        assertThat(installed.out()).contains("installed pdf-tools 1.0.0 from acme/pdf-tools");
        Path canonical = s.project.resolve(".agents/skills/pdf-tools");
        assertThat(Sandbox.read(canonical.resolve("SKILL.md"))).contains("First.");
        assertThat(Files.isExecutable(canonical.resolve("scripts/run.sh"))).isTrue();
        for (String agentDir : new String[] {".claude/skills/pdf-tools", ".windsurf/skills/pdf-tools"}) {
            Path link = s.project.resolve(agentDir);
            assertThat(Files.isSymbolicLink(link)).as(agentDir).isTrue();
            assertThat(Files.readSymbolicLink(link).isAbsolute()).isFalse();
            assertThat(link.toRealPath()).isEqualTo(canonical.toRealPath());
        }
        JsonNode lock = JSON.readTree(Sandbox.read(s.project.resolve("skillbase.lock")));
        JsonNode entry = lock.get("skills").get("pdf-tools");
        assertThat(entry.get("source").asString()).isEqualTo("acme/pdf-tools");
        assertThat(entry.get("version").asString()).isEqualTo("1.0.0");
        assertThat(entry.get("requested").asString()).isEqualTo("latest");
        assertThat(entry.get("contentDigest").asString()).startsWith("sha256:");
        assertThat(entry.get("archiveDigest").asString()).startsWith("sha256:");
        assertThat(entry.get("agents").toString()).isEqualTo("[\"claude-code\",\"cursor\",\"windsurf\"]");
        assertThat(entry.get("scope").asString()).isEqualTo("project");
        assertThat(s.local("verify").exitCode()).isZero();
        JsonNode listed = json(s.local("list", "--installed", "--json")).get("installed").get(0);
        assertThat(listed.get("managed").asBoolean()).isTrue();
        assertThat(listed.get("agents").size()).isGreaterThanOrEqualTo(3);

        CliRun.Result removed = s.local("uninstall", "pdf-tools");

        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(Sandbox.tree(s.project)).isEqualTo(before); // the agents' own (empty) folders stay
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void update_moves_within_the_range_and_protects_local_edits(DbKind kind) {
        Sandbox s = sandbox(kind);
        s.publish("acme", "pdf-tools", "1.0.0", "One.");
        assertThat(s.cli("install", "acme/pdf-tools@^1.0", "--agent", "claude-code").exitCode()).isZero();
        s.publish("acme", "pdf-tools", "1.1.0", "One point one.");
        s.publish("acme", "pdf-tools", "2.0.0", "Two.");

        JsonNode outdated = json(s.cli("outdated", "--json")).get("outdated").get(0);
        assertThat(outdated.get("current").asString()).isEqualTo("1.0.0");
        assertThat(outdated.get("wanted").asString()).isEqualTo("1.1.0");
        assertThat(outdated.get("latest").asString()).isEqualTo("2.0.0");
        CliRun.Result dryRun = s.cli("update", "--dry-run");
        assertThat(dryRun.out()).contains("would update pdf-tools 1.0.0 -> 1.1.0");
        assertThat(Sandbox.read(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).contains("One.");

        Sandbox.write(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"), "my own edit\n");
        CliRun.Result refused = s.cli("update");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(refused.err()).contains("SKILL.md (changed)").contains("--force");
        assertThat(Sandbox.read(s.project.resolve(".agents/skills/pdf-tools/SKILL.md"))).isEqualTo("my own edit\n");
        CliRun.Result drift = s.local("verify");
        assertThat(drift.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(drift.out()).contains("drift pdf-tools").contains("SKILL.md (changed)");

        CliRun.Result forced = s.cli("update", "--force");

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("updated pdf-tools 1.0.0 -> 1.1.0");
        assertThat(Sandbox.read(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).contains("One point one.");
        assertThat(s.local("verify").exitCode()).isZero();
        assertThat(s.cli("update").out()).contains("up to date");
    }

    @Test
    void lockfile_round_trip_restores_copies_and_frozen_refuses_a_change() throws IOException {
        Sandbox s = sandbox(DbKind.SQLITE);
        s.publish("acme", "pdf-tools", "1.0.0", "One.");
        s.publish("acme", "csv-tools", "0.3.0", "Csv.");
        assertThat(s.cli("install", "acme/pdf-tools@1.0.0", "acme/csv-tools", "--agent", "claude-code,goose",
                "--copy").exitCode()).isZero();
        Path lockfile = s.project.resolve("skillbase.lock");
        byte[] locked = Files.readAllBytes(lockfile);
        Map<String, String> installed = Sandbox.tree(s.project);
        Sandbox.delete(s.project.resolve(".agents"));
        Sandbox.delete(s.project.resolve(".claude"));

        CliRun.Result restored = s.cli("install", "--frozen");

        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.out()).contains("restored csv-tools").contains("restored pdf-tools");
        assertThat(Sandbox.tree(s.project)).isEqualTo(installed);
        assertThat(Files.readAllBytes(lockfile)).isEqualTo(locked);
        assertThat(new String(locked)).endsWith("}\n").contains("\"csv-tools\"");

        s.publish("acme", "md-tools", "1.0.0", "Md.");
        CliRun.Result frozen = s.cli("install", "acme/md-tools", "--agent", "claude-code", "--frozen");
        assertThat(frozen.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(frozen.err()).contains("--frozen").contains("md-tools");
        assertThat(Files.readAllBytes(lockfile)).isEqualTo(locked);
        assertThat(s.project.resolve(".agents/skills/md-tools")).doesNotExist();
        assertThat(s.cli("install", "acme/pdf-tools@1.0.0", "--frozen").exitCode()).isZero();
        assertThat(Files.readAllBytes(lockfile)).isEqualTo(locked);
    }

    @Test
    void bad_input_gets_clear_errors_and_writes_nothing() {
        Sandbox s = sandbox(DbKind.SQLITE);
        s.publish("acme", "pdf-tools", "1.0.0", "One.");

        CliRun.Result unknownSkill = s.cli("install", "acme/nope", "--agent", "claude-code");
        CliRun.Result noMatch = s.cli("install", "acme/pdf-tools@^3", "--agent", "claude-code");
        CliRun.Result unknownAgent = s.cli("install", "acme/pdf-tools", "--agent", "claude-code,vim");
        CliRun.Result noAgent = s.cli("install", "acme/pdf-tools");
        CliRun.Result badSource = s.cli("install", "not a source", "--agent", "claude-code");
        CliRun.Result notInstalled = s.local("uninstall", "pdf-tools");

        assertThat(unknownSkill.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(unknownSkill.err()).contains("no skill acme/nope");
        assertThat(noMatch.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(noMatch.err()).contains("'^3'").contains("versions: 1.0.0");
        assertThat(unknownAgent.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownAgent.err()).contains("unknown agent vim").contains("claude-code");
        assertThat(noAgent.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noAgent.err()).contains("no agent detected");
        assertThat(badSource.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notInstalled.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(Sandbox.tree(s.project)).containsOnlyKeys("");
    }

    @Test
    void detected_agents_are_the_default_and_agents_lists_them() {
        Sandbox s = sandbox(DbKind.SQLITE);
        Sandbox.mkdirs(s.project.resolve(".cursor"));
        Sandbox.mkdirs(s.home.resolve(".claude"));
        s.publish("acme", "pdf-tools", "1.0.0", "One.");

        JsonNode agents = json(s.local("agents", "--json")).get("agents");
        CliRun.Result installed = s.cli("install", "acme/pdf-tools");

        assertThat(agents.size()).isGreaterThanOrEqualTo(15);
        assertThat(agents.findValuesAsString("id")).contains("claude-code", "codex", "cursor", "github-copilot",
                "gemini-cli", "opencode", "windsurf", "cline", "goose", "kiro-cli", "roo", "amp", "junie",
                "antigravity", "droid");
        for (JsonNode agent : agents) {
            String id = agent.get("id").asString();
            assertThat(agent.get("detectedInProject").asBoolean()).as(id).isEqualTo(id.equals("cursor"));
            assertThat(agent.get("detectedInHome").asBoolean()).as(id).isEqualTo(id.equals("claude-code"));
        }
        assertThat(installed.exitCode()).as(installed.toString()).isZero();
        assertThat(installed.out()).contains("for claude-code, cursor");
        assertThat(Files.isSymbolicLink(s.project.resolve(".claude/skills/pdf-tools"))).isTrue();
    }

    @Test
    void the_same_name_from_two_namespaces_is_refused_with_a_hint_and_as_installs_it_beside() {
        Sandbox s = sandbox(DbKind.SQLITE);
        s.publish("acme", "pdf-tools", "1.0.0", "Acme's.");
        s.publish("team", "pdf-tools", "1.0.0", "Team's.");
        assertThat(s.cli("install", "acme/pdf-tools", "--agent", "claude-code").exitCode()).isZero();

        CliRun.Result clash = s.cli("install", "team/pdf-tools", "--agent", "claude-code");
        CliRun.Result both = s.cli("install", "--global", "acme/pdf-tools", "team/pdf-tools", "--agent", "codex");
        CliRun.Result renamed = s.cli("install", "team/pdf-tools", "--as", "team-pdf-tools", "--agent", "claude-code");

        assertThat(clash.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(clash.err()).contains("already installed from acme/pdf-tools").contains("--as");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(both.err()).contains("--as");
        assertThat(renamed.exitCode()).as(renamed.toString()).isZero();
        assertThat(Sandbox.read(s.project.resolve(".claude/skills/team-pdf-tools/SKILL.md"))).contains("Team's.");
        assertThat(Sandbox.read(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).contains("Acme's.");
    }

    @Test
    void global_installs_go_to_the_home_folders_and_their_own_lockfile() {
        Sandbox s = sandbox(DbKind.SQLITE);
        s.publish("acme", "pdf-tools", "1.0.0", "One.");

        CliRun.Result installed = s.cli("install", "-g", "acme/pdf-tools", "--agent", "claude-code,opencode");

        assertThat(installed.exitCode()).as(installed.toString()).isZero();
        assertThat(s.home.resolve(".agents/skills/pdf-tools/SKILL.md")).exists();
        assertThat(Files.isSymbolicLink(s.home.resolve(".claude/skills/pdf-tools"))).isTrue();
        assertThat(Files.isSymbolicLink(s.home.resolve(".config/opencode/skills/pdf-tools"))).isTrue();
        assertThat(s.home.resolve(".local/state/skillbase/skillbase.lock")).exists();
        assertThat(s.project.resolve("skillbase.lock")).doesNotExist();
        assertThat(s.local("verify", "--global").exitCode()).isZero();
        assertThat(s.local("uninstall", "--global", "pdf-tools").exitCode()).isZero();
        assertThat(s.home.resolve(".local/state/skillbase/skillbase.lock")).doesNotExist();
    }

    @Test
    void unmanaged_skills_are_listed_and_never_overwritten_without_force() {
        Sandbox s = sandbox(DbKind.SQLITE);
        Sandbox.write(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"), "---\nname: pdf-tools\n---\nmine\n");
        s.publish("acme", "pdf-tools", "1.0.0", "One.");

        JsonNode listed = json(s.local("list", "--installed", "--json")).get("installed").get(0);
        CliRun.Result refused = s.cli("install", "acme/pdf-tools", "--agent", "claude-code");

        assertThat(listed.get("name").asString()).isEqualTo("pdf-tools");
        assertThat(listed.get("managed").asBoolean()).isFalse();
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(refused.err()).contains("not installed by skillbase").contains("--force");
        assertThat(Sandbox.read(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).contains("mine");
        assertThat(s.cli("install", "acme/pdf-tools", "--agent", "claude-code", "--force").exitCode()).isZero();
        assertThat(Sandbox.read(s.project.resolve(".claude/skills/pdf-tools/SKILL.md"))).contains("One.");
    }

    @Test
    void a_local_folder_installs_and_updates_when_it_changes() {
        Sandbox s = sandbox(DbKind.SQLITE);
        Path folder = s.skillFolder("notes", "0.2.0", "Notes.");

        CliRun.Result installed = s.local("install", folder.toString(), "--agent", "junie");
        Sandbox.write(folder.resolve("SKILL.md"), Sandbox.read(folder.resolve("SKILL.md")) + "More.\n");
        CliRun.Result updated = s.local("update");

        assertThat(installed.exitCode()).as(installed.toString()).isZero();
        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        assertThat(updated.out()).contains("updated notes 0.2.0 -> 0.2.0 (changed)");
        assertThat(Sandbox.read(s.project.resolve(".junie/skills/notes/SKILL.md"))).contains("More.");
        assertThat(s.local("verify").exitCode()).isZero();
    }
}
