package dev.skillbase.suggest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the line-format manifests share: reading lines, and keeping only names that are valid package names. */
final class Lines {
    private Lines() {
    }

    static List<String> of(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Adds the package when the name is one (a manifest may hold names no registry would accept: skip them). */
    static void add(List<PackageId> found, Ecosystem ecosystem, String name) {
        String stripped = name.strip();
        if (PackageId.validName(stripped) && !stripped.contains("*")) {
            found.add(new PackageId(ecosystem, stripped));
        }
    }
}
