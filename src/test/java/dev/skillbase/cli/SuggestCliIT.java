package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.server.PublishGuard;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import dev.skillbase.store.Database;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.Corpus;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** {@code skillbase suggest DIR} end to end: the fixture monorepo against a database and against a server. */
class SuggestCliIT {
    private static final String MONOREPO = Path.of("src/test/resources/projects/monorepo").toAbsolutePath()
            .toString();

    @TempDir
    Path tmp;

    private static String registryWithCorpusSkills(DbKind kind) {
        String url = TestDatabases.freshUrl(kind);
        try (LocalRegistry registry = LocalRegistry.open(url)) {
            publish(registry, "vercel-labs__agent-skills/skills/react-best-practices", "react-best-practices");
            publish(registry, "getsentry__skills/skills/django-perf-review", "django-perf-review");
            publish(registry, "prisma__skills/prisma-cli", "prisma-cli");
        }
        return url;
    }

    private static void publish(LocalRegistry registry, String corpusPath, String name) {
        var read = TestRequests.of(Corpus.skills().resolve(corpusPath), "acme", "1.0.0", "", List.of());
        registry.publish(new PublishRequest(new SkillRef("acme", name), "1.0.0", read.document(), read.bundle(), "",
                List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static List<String> field(JsonNode list, String name) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.get(name).asString()));
        return values;
    }

    private static void assertProposals(CliRun.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode answer = Cli.parse(result.out());
        assertThat(field(answer.get("packages"), "package")).contains("npm:react", "pypi:django",
                "npm:@prisma/client", "maven:org.springframework.boot:spring-boot-starter-web");
        // all three found by name (0.85): ties by name
        assertThat(field(answer.get("skills"), "skill")).containsExactly("acme/django-perf-review",
                "acme/prisma-cli", "acme/react-best-practices");
        JsonNode react = answer.get("skills").get(2);
        assertThat(react.get("package").asString()).isEqualTo("npm:react");
        assertThat(react.get("confidence").asDouble()).isEqualTo(0.85);
        assertThat(react.get("reason").asString()).isEqualTo("name mentions \"react\"");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void proposes_skills_for_a_project_against_a_database(DbKind kind) {
        String db = registryWithCorpusSkills(kind);

        assertProposals(CliRun.run("suggest", MONOREPO, "--json", "--db", db));

        CliRun.Result text = CliRun.run("suggest", MONOREPO, "--db", db);
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("packages found under", "npm:react (apps/web/package.json)",
                "acme/react-best-practices", "0.85", "name mentions \"react\"");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void proposes_skills_for_a_project_against_a_server(DbKind kind) {
        try (LocalRegistry registry = LocalRegistry.open(registryWithCorpusSkills(kind));
                SkillbaseServer server = SkillbaseServer.start(ServerSettings.local(registry.url(), false), registry,
                        PublishGuard.anonymous(false))) {
            assertProposals(CliRun.run("suggest", MONOREPO, "--json", "--registry", server.url().toString()));
        }
    }

    @Test
    void install_hands_the_proposed_skills_to_the_installer() throws IOException {
        String db = registryWithCorpusSkills(DbKind.SQLITE);
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("requirements.txt"), "Django==5.1\n");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_STATE_HOME", home.resolve("state").toString());

        CliRun.Result result = CliRun.run(env, "suggest", project.toString(), "--install", "--agent", "claude-code",
                "--db", db);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("acme/django-perf-review");
        assertThat(Files.readString(project.resolve("skillbase.lock"))).contains("acme/django-perf-review");
        assertThat(project.resolve(".agents/skills/django-perf-review/SKILL.md")).exists();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void admin_rebuild_mappings_infers_them_again_for_a_database_published_to_before(DbKind kind) {
        String db = registryWithCorpusSkills(kind);
        try (LocalRegistry registry = LocalRegistry.open(db)) {
            registry.mappings().map(dev.skillbase.suggest.PackageId.parse("pypi:django"),
                    new SkillRef("acme", "prisma-cli"), 0.9, "by hand");
        }
        try (Database database = Database.open(DatabaseUrl.parse(db))) {
            database.jdbi().useHandle(h -> h.execute("DELETE FROM package_mappings WHERE source = 'inferred'"));
        }
        CliRun.Result before = CliRun.run("suggest", MONOREPO, "--json", "--db", db);
        assertThat(field(Cli.parse(before.out()).get("skills"), "skill")).containsExactly("acme/prisma-cli");

        CliRun.Result rebuilt = CliRun.run("admin", "rebuild-mappings", "--db", db);

        assertThat(rebuilt.exitCode()).as(rebuilt.toString()).isZero();
        assertThat(rebuilt.out()).contains("for 3 skills");
        JsonNode after = Cli.parse(CliRun.run("suggest", MONOREPO, "--json", "--db", db).out());
        assertThat(field(after.get("skills"), "skill")).containsExactly("acme/prisma-cli",
                "acme/django-perf-review", "acme/react-best-practices");
        assertThat(field(after.get("skills"), "reason")).containsExactly("by hand", "name mentions \"django\"",
                "name mentions \"react\"");
    }

    private static List<String> mapped(LocalRegistry registry, String pkg) {
        return registry.suggest(List.of(dev.skillbase.suggest.PackageQuery.parse(pkg)), 10).getFirst().skills()
                .stream().map(s -> s.skill() + " " + s.source() + " " + s.reason()).toList();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void map_sets_a_manual_mapping_in_a_database_and_on_a_server(DbKind kind) {
        String db = registryWithCorpusSkills(kind);
        CliRun.Result local = CliRun.run("map", "npm:vue", "acme/prisma-cli", "--confidence", "0.9", "--db", db);
        assertThat(local.exitCode()).as(local.toString()).isZero();
        assertThat(local.out()).contains("mapped npm:vue to acme/prisma-cli (confidence 0.90, manual)");
        assertThat(CliRun.run("map", "nuget:json", "acme/prisma-cli", "--db", db).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.run("map", "npm:vue", "acme/prisma-cli", "--confidence", "2", "--db", db).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.run("map", "npm:vue", "acme/nothing", "--db", db).exitCode()).isEqualTo(ExitCodes.INVALID);

        try (LocalRegistry registry = LocalRegistry.open(db);
                SkillbaseServer server = SkillbaseServer.start(ServerSettings.local(registry.url(), false), registry,
                        PublishGuard.anonymous(false))) {
            String admin = registry.accounts().bootstrap("ada").secret();
            String url = server.url().toString();
            assertThat(CliRun.run("map", "npm:svelte", "acme/prisma-cli", "--registry", url).exitCode()).isNotZero();
            CliRun.Result remote = CliRun.run("map", "npm:svelte", "acme/prisma-cli", "--reason", "ORM for Svelte",
                    "--registry", url, "--token", admin);
            assertThat(remote.exitCode()).as(remote.toString()).isZero();
            assertThat(CliRun.run("map", "npm:svelte", "acme/nothing", "--registry", url, "--token", admin)
                    .exitCode()).isEqualTo(ExitCodes.INVALID);

            assertThat(mapped(registry, "npm:vue")).containsExactly("acme/prisma-cli manual mapped by hand");
            assertThat(mapped(registry, "npm:svelte")).containsExactly("acme/prisma-cli manual ORM for Svelte");
        }
    }

    @Test
    void a_malformed_manifest_or_a_missing_folder_is_reported() throws IOException {
        String db = TestDatabases.freshUrl(DbKind.SQLITE);
        Files.writeString(tmp.resolve("pyproject.toml"), "[project\n");

        CliRun.Result bad = CliRun.run("suggest", tmp.toString(), "--db", db);
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(bad.err()).contains("pyproject.toml", "not valid TOML");

        CliRun.Result missing = CliRun.run("suggest", tmp.resolve("nowhere").toString(), "--db", db);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("is not a folder");
    }
}
