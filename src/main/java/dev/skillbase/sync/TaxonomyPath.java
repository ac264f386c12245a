package dev.skillbase.sync;

import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * Where a skill sits in the taxonomy: the folders from the pushed folder down to and including the skill's own
 * folder, '/'-separated ({@code DIR/development/languages/python/SKILL.md} gives {@code development/languages/python}).
 * A skill at the pushed folder itself ({@code DIR/SKILL.md}) gets the empty path.
 */
final class TaxonomyPath {
    private TaxonomyPath() {
    }

    static String of(Path root, Path skillDir) {
        Path relative = root.toAbsolutePath().normalize().relativize(skillDir.toAbsolutePath().normalize());
        StringJoiner path = new StringJoiner("/");
        for (Path part : relative) {
            if (!part.toString().isEmpty()) {
                path.add(part.toString());
            }
        }
        return path.toString();
    }
}
