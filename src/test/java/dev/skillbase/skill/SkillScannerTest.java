package dev.skillbase.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillScannerTest {
    @TempDir
    Path tmp;

    @Test
    void finds_a_skill_folder_given_directly() {
        Path dir = TestSkills.minimal(tmp, "pdf");
        TestSkills.minimal(dir, "nested");
        assertThat(SkillScanner.find(dir)).containsExactly(dir);
    }

    @Test
    void finds_the_folder_of_a_skill_md_file() {
        Path dir = TestSkills.minimal(tmp, "pdf");
        assertThat(SkillScanner.find(dir.resolve("SKILL.md"))).containsExactly(dir);
    }

    @Test
    void scans_a_root_recursively_sorted_including_nested_and_lower_case_skills() throws IOException {
        Path b = TestSkills.minimal(tmp.resolve("repo"), "b");
        Path a = TestSkills.minimal(tmp.resolve("repo/skills"), "a");
        Path nested = TestSkills.minimal(a, "inner");
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        TestSkills.writeFile(lower, "skill.md", "---\n---\n");
        assertThat(SkillScanner.find(tmp)).containsExactly(lower, b, a, nested);
    }

    @Test
    void skips_git_node_modules_symlinks_and_deep_folders() throws IOException {
        Path real = TestSkills.minimal(tmp, "real");
        TestSkills.minimal(tmp.resolve(".git"), "hidden");
        TestSkills.minimal(tmp.resolve("node_modules/pkg"), "dep");
        Files.createSymbolicLink(tmp.resolve("link"), real);
        Path deep = tmp;
        for (int i = 0; i < SkillScanner.MAX_DEPTH; i++) {
            deep = deep.resolve("d" + i);
        }
        TestSkills.minimal(deep, "too-deep");
        assertThat(SkillScanner.find(tmp)).containsExactly(real);
    }

    @Test
    void returns_nothing_for_a_folder_without_skills() throws IOException {
        Files.createDirectories(tmp.resolve("docs"));
        assertThat(SkillScanner.find(tmp)).isEmpty();
    }

    @Test
    void names_a_path_that_does_not_exist() {
        assertThatThrownBy(() -> SkillScanner.find(tmp.resolve("nowhere")))
                .isInstanceOf(SkillPathException.class).hasMessageContaining("nowhere");
    }

    @Test
    void refuses_a_file_that_is_not_a_skill_md() {
        Path file = TestSkills.writeFile(tmp, "README.md", "x");
        assertThatThrownBy(() -> SkillScanner.find(file))
                .isInstanceOf(SkillPathException.class).hasMessageContaining("README.md");
    }
}
