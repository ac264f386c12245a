package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"push", "pull", "sync", "list", "show", "search", "stats"})
    void every_data_command_documents_json_db_and_its_exit_codes(String command) {
        CliRun.Result help = CliRun.run(command, "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("--json", "exactly one JSON document", "--db=URL", "SKILLBASE_DB",
                "Exit codes:", "  0 ", "  2 ", "  3 ");
        assertThat(help.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"push", "pull", "sync", "show"})
    void commands_that_fail_on_bad_input_document_exit_code_1(String command) {
        assertThat(CliRun.run(command, "--help").out()).contains("  1 ");
    }

    @org.junit.jupiter.api.Test
    void push_help_explains_force_taxonomy_and_versions() {
        String help = CliRun.run("push", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("--force", "--dry-run", "--namespace", "export-to-db", "Taxonomy path:",
                "0.1.0", "the version the skill declares", "next patch");
    }
}
