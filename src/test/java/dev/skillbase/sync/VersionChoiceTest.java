package dev.skillbase.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.VersionInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionChoiceTest {

    private static List<VersionInfo> published(String... versions) {
        return Arrays.stream(versions)
                .map(v -> new VersionInfo(v, "sha256:" + v, "sha256:a" + v, 1, 1, Instant.EPOCH, Optional.empty(), false))
                .toList();
    }

    @Test
    void a_first_version_without_a_declaration_is_0_1_0() {
        assertThat(VersionChoice.next(Optional.empty(), List.of())).isEqualTo("0.1.0");
    }

    @Test
    void a_first_version_uses_the_declared_semver() {
        assertThat(VersionChoice.next(Optional.of("1.2.0"), List.of())).isEqualTo("1.2.0");
    }

    @Test
    void a_declaration_that_is_not_semver_is_ignored() {
        assertThat(VersionChoice.next(Optional.of("1.0"), List.of())).isEqualTo("0.1.0");
        assertThat(VersionChoice.next(Optional.of("latest"), published("0.1.0"))).isEqualTo("0.1.1");
    }

    @Test
    void a_declared_version_higher_than_every_published_one_is_used() {
        assertThat(VersionChoice.next(Optional.of("2.0.0"), published("1.0.3", "1.0.0"))).isEqualTo("2.0.0");
    }

    @Test
    void a_declared_version_already_published_gives_the_next_patch_of_the_highest() {
        assertThat(VersionChoice.next(Optional.of("1.0.0"), published("1.0.0"))).isEqualTo("1.0.1");
    }

    @Test
    void a_declared_version_lower_than_the_highest_gives_the_next_patch_of_the_highest() {
        assertThat(VersionChoice.next(Optional.of("1.0.1"), published("1.0.0", "1.0.3"))).isEqualTo("1.0.4");
    }

    @Test
    void the_next_patch_of_a_pre_release_is_its_release() {
        assertThat(VersionChoice.next(Optional.empty(), published("2.0.0-rc.1"))).isEqualTo("2.0.0");
    }
}
