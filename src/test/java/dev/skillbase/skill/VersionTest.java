package dev.skillbase.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void parses_all_parts() {
        Version version = Version.parse("1.22.333-rc.1+build.7");
        assertThat(version).isEqualTo(new Version(1, 22, 333, "rc.1", "build.7"));
        assertThat(version.isPreRelease()).isTrue();
        assertThat(version.toString()).isEqualTo("1.22.333-rc.1+build.7");
    }

    @Test
    void absent_labels_are_empty_strings() {
        assertThat(new Version(1, 0, 0, null, null)).isEqualTo(Version.parse("1.0.0"));
        assertThat(Version.parse("1.0.0").preRelease()).isEmpty();
        assertThat(Version.parse("1.0.0").toString()).isEqualTo("1.0.0");
    }

    @Test
    void orders_by_semver_precedence_including_pre_releases() {
        List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0");
        List<Version> versions = new ArrayList<>(expected.stream().map(Version::parse).toList());
        Collections.reverse(versions);
        Collections.sort(versions);
        assertThat(versions).extracting(Version::toString).containsExactlyElementsOf(expected);
    }

    @Test
    void ignores_build_metadata_in_precedence() {
        assertThat(Version.parse("1.0.0+a").compareTo(Version.parse("1.0.0+b"))).isZero();
    }

    @Test
    void next_patch_drops_labels_and_releases_a_pre_release() {
        assertThat(Version.parse("1.2.3").nextPatch()).hasToString("1.2.4");
        assertThat(Version.parse("1.2.3+b").nextPatch()).hasToString("1.2.4");
        assertThat(Version.parse("1.2.3-rc.1").nextPatch()).hasToString("1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.0", "1.0.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "v1.0.0", "1.0.0-a..b",
        " 1.0.0", "99999999999.0.0"})
    void rejects_text_that_is_not_semver(String text) {
        assertThatThrownBy(() -> Version.parse(text)).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void rejects_null_and_negative_numbers() {
        assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(InvalidVersionException.class);
        assertThatThrownBy(() -> new Version(-1, 0, 0, "", "")).isInstanceOf(InvalidVersionException.class);
        assertThatThrownBy(() -> new Version(1, 0, 0, "a b", "")).isInstanceOf(InvalidVersionException.class);
        assertThatThrownBy(() -> new Version(1, 0, 0, "", "a..b")).isInstanceOf(InvalidVersionException.class);
    }
}
