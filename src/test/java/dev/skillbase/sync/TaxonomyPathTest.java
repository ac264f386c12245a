package dev.skillbase.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TaxonomyPathTest {

    @Test
    void is_the_folder_path_from_the_root_including_the_skill_folder() {
        Path root = Path.of("/tmp/skills");
        assertThat(TaxonomyPath.of(root, root.resolve("development/languages/python")))
                .isEqualTo("development/languages/python");
    }

    @Test
    void is_empty_for_a_skill_at_the_root() {
        Path root = Path.of("/tmp/skills");
        assertThat(TaxonomyPath.of(root, root)).isEmpty();
    }

    @Test
    void ignores_dot_segments_and_relative_roots() {
        assertThat(TaxonomyPath.of(Path.of("skills/./a/.."), Path.of("skills/x/y"))).isEqualTo("x/y");
    }
}
