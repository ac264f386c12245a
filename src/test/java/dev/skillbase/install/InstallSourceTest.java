package dev.skillbase.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.registry.SkillRef;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstallSourceTest {
    private static final Path HOME = Path.of("/home/me");

    @Test
    void reads_registry_references_folders_and_index_urls() {
        assertThat(InstallSource.parse("acme/pdf-tools", HOME))
                .isEqualTo(new InstallSource.FromRegistry(new SkillRef("acme", "pdf-tools"), "latest"));
        assertThat(InstallSource.parse("acme/pdf-tools@^1.2", HOME))
                .isEqualTo(new InstallSource.FromRegistry(new SkillRef("acme", "pdf-tools"), "^1.2"));
        assertThat(InstallSource.parse("acme/pdf-tools@stable", HOME))
                .isEqualTo(new InstallSource.FromRegistry(new SkillRef("acme", "pdf-tools"), "stable"));
        assertThat(InstallSource.parse("/srv/skills/pdf-tools", HOME))
                .isEqualTo(new InstallSource.FromFolder(Path.of("/srv/skills/pdf-tools")));
        assertThat(InstallSource.parse("~/skills/pdf", HOME))
                .isEqualTo(new InstallSource.FromFolder(Path.of("/home/me/skills/pdf")));
        assertThat(InstallSource.parse("http://127.0.0.1:8080/ns/acme/", HOME))
                .isEqualTo(new InstallSource.FromIndex(URI.create("http://127.0.0.1:8080/ns/acme")));
    }

    @Test
    void anything_else_is_a_usage_error_that_shows_the_forms() {
        assertThatThrownBy(() -> InstallSource.parse("pdf tools", HOME)).isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining("NAMESPACE/NAME@VERSION");
        assertThatThrownBy(() -> InstallSource.parse("http://", HOME)).isInstanceOf(InvalidSourceException.class);
    }
}
