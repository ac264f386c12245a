package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstallHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"agents", "install", "update", "outdated", "verify", "uninstall"})
    void every_install_command_documents_json_and_its_exit_codes(String command) {
        CliRun.Result help = CliRun.run(command, "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("--json", "--project", "Exit codes:", "  0 ", "  2 ");
        assertThat(help.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }
}
