package dev.skillbase.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes real skill folders into a test's temporary directory. */
final class SkillTree {
    private final Path root;

    SkillTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** {@code root/folder/SKILL.md} with this name and description and a short body. */
    Path skill(String folder, String name, String description) {
        return write(folder + "/SKILL.md", "---\nname: " + name + "\ndescription: " + description + "\n---\n\n# "
                + name + "\n\nUse this skill to " + description.toLowerCase(java.util.Locale.ROOT) + ".\n")
                .getParent();
    }

    /** {@code root/folder/SKILL.md} with exactly this text. */
    Path skillMd(String folder, String text) {
        return write(folder + "/SKILL.md", text).getParent();
    }

    Path write(String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    void append(String relative, String text) {
        try {
            Files.writeString(root.resolve(relative), text, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
