package dev.skillbase.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionResolverTest {
    private static final SkillRef REF = new SkillRef("acme", "pdf-tools");
    private static final List<VersionInfo> VERSIONS = List.of(v("2.0.0", false), v("1.3.0", true), v("1.2.5", false),
            v("1.2.0", false), v("1.0.0", false), v("3.0.0-beta.1", false));
    private static final Map<String, String> TAGS = Map.of("latest", "2.0.0", "stable", "1.2.0");

    private static VersionInfo v(String version, boolean yanked) {
        return new VersionInfo(version, "sha256:c", "sha256:a", 1, 1, Instant.EPOCH, Optional.empty(), yanked);
    }

    private static String choose(String requested) {
        return VersionResolver.choose(REF, requested, VERSIONS, TAGS);
    }

    @Test
    void ranges_pick_the_highest_version_not_yanked_nor_prerelease() {
        assertThat(choose("^1.2")).isEqualTo("1.2.5");
        assertThat(choose("~1.2.0")).isEqualTo("1.2.5");
        assertThat(choose("1.x")).isEqualTo("1.2.5");
        assertThat(choose(">=1.0.0 <1.2.5")).isEqualTo("1.2.0");
        assertThat(choose("*")).isEqualTo("2.0.0");
    }

    @Test
    void an_exact_version_installs_even_when_yanked_and_tags_resolve() {
        assertThat(choose("1.3.0")).isEqualTo("1.3.0");
        assertThat(choose("latest")).isEqualTo("2.0.0");
        assertThat(choose("stable")).isEqualTo("1.2.0");
    }

    @Test
    void latest_without_a_tag_is_the_highest_version_not_yanked() {
        assertThat(VersionResolver.choose(REF, "latest", List.of(v("1.0.0", false), v("1.1.0", true)), Map.of()))
                .isEqualTo("1.0.0");
    }

    @Test
    void nothing_matching_names_the_request_and_the_versions() {
        assertThatThrownBy(() -> choose("^4")).isInstanceOf(NoMatchingVersionException.class)
                .hasMessageContaining("'^4'").hasMessageContaining("1.3.0 (yanked)");
        assertThatThrownBy(() -> choose("9.9.9")).hasMessageContaining("no such version");
        assertThatThrownBy(() -> choose("nightly")).hasMessageContaining("no tag 'nightly'");
        assertThatThrownBy(() -> VersionResolver.choose(REF, "^1", List.of(), Map.of()))
                .hasMessageContaining("no published version");
    }
}
