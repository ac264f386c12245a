package dev.skillbase.skill;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Finds skill folders: a folder or file named SKILL.md given directly, or a root scanned recursively. */
public final class SkillScanner {
    /** How deep below a root {@link #find} looks. */
    public static final int MAX_DEPTH = 12;

    // .skillbase holds a synced folder's state and its half-done writes (see dev.skillbase.sync.SyncFolder)
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", ".skillbase");
    private static final Set<String> SKILL_FILES = Set.of("SKILL.md", "skill.md");

    private SkillScanner() {
    }

    /**
     * The skill folders under {@code path}, sorted: the folder itself when it holds a SKILL.md (or skill.md), the
     * parent of a SKILL.md file, otherwise every folder below (bounded depth, {@code .git} and {@code node_modules}
     * skipped, symbolic links not followed) that holds one. A skill folder nested in another is found as well.
     * An empty list means no skill was found.
     *
     * @throws SkillPathException when {@code path} does not exist or cannot be read, or is a file not named SKILL.md
     */
    public static List<Path> find(Path path) {
        if (!Files.exists(path)) {
            throw new SkillPathException("no such file or folder: " + path);
        }
        if (Files.isRegularFile(path)) {
            if (!SKILL_FILES.contains(String.valueOf(path.getFileName()))) {
                throw new SkillPathException(path + " is a file but not a SKILL.md: give a skill folder, "
                        + "its SKILL.md, or a folder holding skills");
            }
            Path parent = path.toAbsolutePath().getParent();
            return List.of(path.getParent() == null ? parent : path.getParent());
        }
        if (holdsSkill(path)) {
            return List.of(path);
        }
        return scan(path);
    }

    private static boolean holdsSkill(Path dir) {
        return SKILL_FILES.stream().anyMatch(name -> Files.isRegularFile(dir.resolve(name),
                LinkOption.NOFOLLOW_LINKS));
    }

    private static List<Path> scan(Path root) {
        Set<Path> found = new TreeSet<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return SKIPPED.contains(String.valueOf(dir.getFileName())) && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && SKILL_FILES.contains(file.getFileName().toString())) {
                        found.add(file.getParent());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new SkillPathException("cannot read " + root + " while looking for skills", e);
        }
        return List.copyOf(found);
    }
}
