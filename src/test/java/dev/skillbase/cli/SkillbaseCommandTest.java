package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SkillbaseCommandTest {
    private static final int ALL_SUBCOMMANDS = 29;

    private static long commands(CommandLine cli) {
        return cli.getSubcommands().values().stream().distinct().count();
    }

    private static CommandLine built(String... args) {
        return SkillbaseCommand.commandLine(Map.of(), args);
    }

    @Test
    void builds_only_the_subcommand_a_run_names() {
        assertThat(built("stats", "--db", "x.db").getSubcommands()).containsOnlyKeys("stats");
        assertThat(built("token", "list").getSubcommands()).containsOnlyKeys("token");
        assertThat(built("token", "list").getSubcommands().get("token").getSubcommands()).containsKey("list");
    }

    @Test
    void finds_a_subcommand_by_its_alias() {
        assertThat(built("export-to-db", "skills").getSubcommands().keySet())
                .containsExactlyInAnyOrder("push", "export-to-db");
    }

    @Test
    void builds_every_subcommand_for_help_options_and_unknown_names() {
        assertThat(commands(built())).isEqualTo(ALL_SUBCOMMANDS);
        assertThat(commands(built("--help"))).isEqualTo(ALL_SUBCOMMANDS);
        assertThat(commands(built("help", "stats"))).isEqualTo(ALL_SUBCOMMANDS);
        assertThat(commands(built("stat"))).isEqualTo(ALL_SUBCOMMANDS);
        assertThat(commands(SkillbaseCommand.commandLine(Map.of()))).isEqualTo(ALL_SUBCOMMANDS);
    }

    @Test
    void usage_lists_every_command_in_order() {
        String usage = CliRun.run("--help").out();

        assertThat(usage).containsSubsequence("help", "validate", "init", "push", "pull", "sync", "publish", "list",
                "show", "search", "stats", "serve", "admin", "user", "namespace", "member", "token", "agents",
                "install", "update", "outdated", "verify", "uninstall");
    }

    @Test
    void help_of_a_command_is_the_same_from_help_and_from_its_option() {
        assertThat(CliRun.run("help", "stats").out()).isEqualTo(CliRun.run("stats", "--help").out());
    }

    @Test
    void a_mistyped_command_is_a_usage_error_that_suggests_the_nearest_names() {
        CliRun.Result result = CliRun.run("stat");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("stat").contains("stats");
    }
}
