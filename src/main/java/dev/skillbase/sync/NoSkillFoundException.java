package dev.skillbase.sync;

import java.nio.file.Path;

/** A folder given to push holds no SKILL.md at any depth scanned. */
public final class NoSkillFoundException extends RuntimeException {
    public NoSkillFoundException(Path dir) {
        super("no skill found in " + dir + ": no folder below it holds a SKILL.md");
    }
}
