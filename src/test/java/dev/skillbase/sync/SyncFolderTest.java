package dev.skillbase.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed pull or sync leaves in {@code .skillbase/work}, at each point where it can die, and how opening the
 * folder again completes or rolls it back.
 */
class SyncFolderTest {
    @TempDir
    Path root;

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Path work(String id, String target) throws IOException {
        Path work = root.resolve(".skillbase/work").resolve(id);
        write(work.resolve("target"), target);
        return work;
    }

    private void reopen() {
        try (SyncFolder folder = SyncFolder.open(root)) {
            assertThat(folder).isNotNull();
        }
    }

    private boolean workEmpty() throws IOException {
        try (Stream<Path> left = Files.list(root.resolve(".skillbase/work"))) {
            return left.findAny().isEmpty();
        }
    }

    @Test
    void killed_after_moving_the_old_folder_out_but_before_the_new_one_in_rolls_back() throws IOException {
        Path work = work("a", "dev/python");
        write(work.resolve("old/SKILL.md"), "old");
        write(work.resolve("new/SKILL.md"), "new");

        reopen();

        assertThat(root.resolve("dev/python/SKILL.md")).hasContent("old");
        assertThat(workEmpty()).isTrue();
    }

    @Test
    void killed_after_the_new_folder_landed_gives_the_user_files_back_and_drops_the_old_skill_files()
            throws IOException {
        Path work = work("b", "dev/python");
        write(work.resolve("old/SKILL.md"), "---\nname: python\ndescription: Old\n---\nold\n");
        write(work.resolve("old/node_modules/dep/index.js"), "kept");
        write(root.resolve("dev/python/SKILL.md"), "new");

        reopen();

        assertThat(root.resolve("dev/python/SKILL.md")).hasContent("new");
        assertThat(root.resolve("dev/python/node_modules/dep/index.js")).hasContent("kept");
        assertThat(workEmpty()).isTrue();
    }

    @Test
    void killed_while_removing_a_skill_keeps_only_the_files_it_does_not_manage() throws IOException {
        Path work = work("c", "dev/python");
        write(work.resolve("old/SKILL.md"), "---\nname: python\ndescription: Old\n---\nold\n");
        write(work.resolve("old/.DS_Store"), "finder");

        reopen();

        assertThat(root.resolve("dev/python/SKILL.md")).doesNotExist();
        assertThat(root.resolve("dev/python/.DS_Store")).hasContent("finder");
        assertThat(workEmpty()).isTrue();
    }

    @Test
    void killed_while_writing_the_new_files_leaves_the_folder_as_it_was() throws IOException {
        Path work = work("d", "dev/python");
        write(work.resolve("new/SKILL.md"), "half");
        write(root.resolve("dev/python/SKILL.md"), "untouched");
        write(root.resolve(".skillbase/work/e/new/SKILL.md"), "no target recorded yet");

        reopen();

        assertThat(root.resolve("dev/python/SKILL.md")).hasContent("untouched");
        assertThat(workEmpty()).isTrue();
    }

    @Test
    void a_file_of_the_user_where_the_new_version_has_one_is_kept_beside_it() throws IOException {
        write(root.resolve("dev/python/SKILL.md"), "---\nname: python\ndescription: Old\n---\nold\n");
        Path link = Files.createSymbolicLink(root.resolve("dev/python/README.md"), Path.of("SKILL.md"));
        dev.skillbase.skill.Bundle next = dev.skillbase.skill.Bundle.of(java.util.List.of(
                new dev.skillbase.skill.BundleFile("SKILL.md", "new".getBytes(StandardCharsets.UTF_8), false),
                new dev.skillbase.skill.BundleFile("README.md", "readme".getBytes(StandardCharsets.UTF_8), false)),
                dev.skillbase.skill.BundleLimits.DEFAULT);

        try (SyncFolder folder = SyncFolder.open(root)) {
            folder.replace(root.resolve("dev/python"), next, false);
        }

        assertThat(root.resolve("dev/python/SKILL.md")).hasContent("new");
        assertThat(root.resolve("dev/python/README.md")).hasContent("readme");
        assertThat(Files.isSymbolicLink(link.resolveSibling("README.md.skillbase-kept"))).isTrue();
        assertThat(workEmpty()).isTrue();
    }
}
