package dev.skillbase.skill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes skill folders for tests and finds the fixtures under {@code src/test/resources/skills}. */
public final class TestSkills {
    private TestSkills() {
    }

    /** The fixture folder {@code skills/<name>} on the test class path. */
    public static Path fixture(String name) {
        try {
            return Path.of(TestSkills.class.getResource("/skills/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates {@code parent/name/SKILL.md} holding {@code text}; returns the folder. */
    public static Path write(Path parent, String name, String text) {
        return writeFile(parent.resolve(name), "SKILL.md", text).getParent();
    }

    /** A SKILL.md with the given name and description and nothing else. */
    public static Path minimal(Path parent, String name) {
        return write(parent, name, "---\nname: " + name + "\ndescription: Does " + name + " things.\n---\n# " + name + "\n");
    }

    public static Path writeFile(Path dir, String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
