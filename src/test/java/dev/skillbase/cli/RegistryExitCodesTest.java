package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.InvalidRegistryUrlException;
import dev.skillbase.registry.RegistryAuthException;
import dev.skillbase.registry.RegistryRejectedException;
import dev.skillbase.registry.RegistryUnavailableException;
import dev.skillbase.registry.VersionConflictException;
import dev.skillbase.skill.ArchiveTooLargeException;
import dev.skillbase.skill.UnsafeArchiveException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the failures of a registry server map to exit codes. */
class RegistryExitCodesTest {

    @Test
    void a_malformed_registry_url_is_a_usage_error() {
        assertThat(ExitCodes.of(new InvalidRegistryUrlException("bad"))).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void what_the_server_rejects_and_conflicts_are_invalid_input() {
        assertThat(ExitCodes.of(new RegistryRejectedException(422, "invalid", List.of()))).isEqualTo(ExitCodes.INVALID);
        assertThat(ExitCodes.of(new VersionConflictException("taken"))).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void an_archive_that_fails_its_safety_checks_is_invalid_input() {
        assertThat(ExitCodes.of(new UnsafeArchiveException("../x", "path-traversal", "leaves the folder")))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(ExitCodes.of(new ArchiveTooLargeException("big", "archive-too-large", "too large")))
                .isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void refused_credentials_and_an_unreachable_server_are_environment_errors() {
        assertThat(ExitCodes.of(new RegistryAuthException(401, "no token"))).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(ExitCodes.of(new RegistryAuthException(403, "no right"))).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(ExitCodes.of(new RegistryUnavailableException("down"))).isEqualTo(ExitCodes.ENVIRONMENT);
    }
}
