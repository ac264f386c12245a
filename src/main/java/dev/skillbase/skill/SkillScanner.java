package dev.skillbase.skill;

import java.nio.file.Path;
import java.util.List;

/** Finds skill folders: a folder or file named SKILL.md given directly, or a root scanned recursively. */
public final class SkillScanner {
    /** How deep below a root {@link #find} looks. */
    public static final int MAX_DEPTH = 12;

    private SkillScanner() {
    }

    /**
     * The skill folders under {@code path}, sorted: the folder itself when it holds a SKILL.md (or skill.md), the
     * parent of a SKILL.md file, otherwise every folder below (bounded depth, {@code .git} and {@code node_modules}
     * skipped, symbolic links not followed) that holds one. A skill folder nested in another is found as well.
     *
     * @throws SkillPathException when {@code path} does not exist or cannot be read
     */
    public static List<Path> find(Path path) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }
}
