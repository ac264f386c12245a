package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.server.PublishGuard;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** {@code skillbase match TASK} end to end: over a database ({@code --db}) and over a server ({@code --registry}). */
class MatchCommandIT {
    private static final String TASK = "my postgres queries are really slow, what can I do";

    @TempDir
    Path tmp;

    private SkillTree tree() {
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        tree.skill("data/postgres-tuning", "postgres-tuning", "Finds slow PostgreSQL queries and proposes indexes");
        tree.skill("writing/release-notes", "release-notes", "Writes release notes from the git log");
        tree.skill("media/image-resize", "image-resize", "Resizes and crops images");
        return tree;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("skill").get("name").asString()));
        return names;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void match_json_over_a_database_ranks_the_fitting_skill_first_with_its_reason(DbKind kind) {
        Cli cli = new Cli(TestDatabases.freshUrl(kind));
        cli.json("push", tree().root().toString());

        JsonNode page = cli.json("match", TASK, "--limit", "2");

        assertThat(names(page)).first().isEqualTo("postgres-tuning");
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("reason").get("name").toString()).contains("postgres");
        assertThat(page.get("items").size()).isLessThanOrEqualTo(2);

        CliRun.Result table = cli.run("match", "slow", "postgres", "queries");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).startsWith("RANK").contains("local/postgres-tuning", "name: postgres");
    }

    @Test
    void match_json_over_a_server_gives_what_the_database_gives() {
        String db = TestDatabases.freshUrl(DbKind.SQLITE);
        new Cli(db).json("push", tree().root().toString());
        try (LocalRegistry registry = LocalRegistry.open(db);
                SkillbaseServer server = SkillbaseServer.start(ServerSettings.local(registry.url(), false), registry,
                        PublishGuard.anonymous(false))) {
            CliRun.Result remote = CliRun.run("match", TASK, "--json", "--registry", server.url().toString());

            assertThat(remote.exitCode()).as(remote.toString()).isZero();
            JsonNode page = Cli.parse(remote.out());
            assertThat(names(page)).isEqualTo(names(new Cli(db).json("match", TASK)));
            assertThat(page.get("items").get(0).get("reason").get("description").toString())
                    .contains("slow", "queries");
        }
    }

    @Test
    void an_empty_or_too_long_task_and_a_bad_limit_are_usage_errors() {
        Cli cli = new Cli(TestDatabases.freshUrl(DbKind.SQLITE));
        CliRun.Result empty = cli.run("match", "  ");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("TASK is empty");

        CliRun.Result tooLong = cli.run("match", "pdf ".repeat(600));
        assertThat(tooLong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooLong.err()).contains("at most 2000");

        CliRun.Result limit = cli.run("match", "pdf", "--limit", "51");
        assertThat(limit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(limit.err()).contains("--limit must be between 1 and 50");
    }
}
