package dev.skillbase.install;

import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleFile;
import dev.skillbase.skill.BundleLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The file work of installing: a skill folder lands whole or not at all. Its files are written to a temporary folder
 * beside the target ({@code .skillbase-tmp-*}), then the old folder (if any) is renamed aside
 * ({@code .skillbase-old-NAME}), the new one renamed in, and the old one deleted. A process killed in between leaves
 * either the old folder or the new one, plus leftovers that {@link #recover(Path)} puts right on the next run: a
 * folder moved aside whose replacement never arrived is moved back.
 */
final class SkillFolders {
    static final String TEMP_PREFIX = ".skillbase-tmp-";
    static final String OLD_PREFIX = ".skillbase-old-";
    /** What was installed was checked against its limits when fetched; reading it back must not refuse it. */
    private static final BundleLimits NO_LIMITS = new BundleLimits(Integer.MAX_VALUE, Long.MAX_VALUE,
            Integer.MAX_VALUE - 16);

    private final Checkpoint checkpoint;

    SkillFolders(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** Writes {@code bundle} as the folder {@code target}, replacing what was there (folder or link) in one swap. */
    void writeFolder(Path target, Bundle bundle) {
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path staged = parent.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
            try {
                for (BundleFile file : bundle.files()) {
                    Path path = staged.resolve(file.path());
                    Files.createDirectories(path.getParent());
                    Files.write(path, file.content());
                    if (file.executable()) {
                        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
                Files.createDirectories(staged);
                checkpoint.reached("staged");
                swap(staged, target);
            } catch (IOException | RuntimeException e) {
                deleteTree(staged, e);
                throw e;
            }
        } catch (IOException e) {
            throw new InstallIoException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Makes {@code target} a relative symbolic link to {@code canonical}, replacing what was there. */
    void writeLink(Path target, Path canonical) {
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path staged = parent.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
            Files.createSymbolicLink(staged, parent.toRealPath().relativize(canonical.toRealPath()));
            swap(staged, target);
        } catch (IOException e) {
            throw new InstallIoException("cannot link " + target + " to " + canonical + ": " + e.getMessage(), e);
        }
    }

    private void swap(Path staged, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = target.resolveSibling(OLD_PREFIX + target.getFileName());
        deleteTree(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        checkpoint.reached("swapped");
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /**
     * Removes a skill folder or link, then the folders above it that are left empty, up to (not including)
     * {@code root} or a folder in {@code keep} (an agent's own folder, such as {@code .claude}, which tells that the
     * agent is used). A folder goes aside first, so no half-deleted folder is ever seen.
     */
    void remove(Path target, Path root, Set<Path> keep) {
        try {
            if (Files.isSymbolicLink(target) || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(target);
            } else {
                Path old = target.resolveSibling(OLD_PREFIX + target.getFileName());
                deleteTree(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            }
            deleteEmptyParents(target.getParent(), root, keep);
        } catch (IOException e) {
            throw new InstallIoException("cannot remove " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code dir} and its parents while they are empty, strictly below {@code root}. */
    private static void deleteEmptyParents(Path dir, Path root, Set<Path> keep) throws IOException {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root) && !keep.contains(d)
                && Files.isDirectory(d) && isEmpty(d); d = d.getParent()) {
            Files.delete(d);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    /**
     * Puts a skills folder right after a killed run: a folder moved aside whose replacement never arrived goes back;
     * every other leftover (staged copies, old copies already replaced) is deleted.
     */
    void recover(Path skillsDir) {
        if (!Files.isDirectory(skillsDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(skillsDir)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX)) {
                    deleteTree(entry);
                } else if (name.startsWith(OLD_PREFIX)) {
                    Path original = skillsDir.resolve(name.substring(OLD_PREFIX.length()));
                    if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
                        deleteTree(entry);
                    } else {
                        Files.move(entry, original, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        } catch (IOException e) {
            throw new InstallIoException("cannot clean up " + skillsDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code sha256:} of each file under {@code dir} (following a link at the top only), by relative path. */
    static SortedMap<String, String> fileDigests(Path dir) {
        SortedMap<String, String> digests = new TreeMap<>();
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new InstallIoException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        for (BundleFile file : Bundle.read(real, NO_LIMITS).files()) {
            digests.put(file.path(), Digests.sha256(file.content()));
        }
        return digests;
    }

    /** The paths that differ between what is on disk and what was installed: changed, added, removed. */
    static List<String> differences(SortedMap<String, String> expected, SortedMap<String, String> actual) {
        List<String> paths = new ArrayList<>();
        for (var e : expected.entrySet()) {
            String now = actual.get(e.getKey());
            if (now == null) {
                paths.add(e.getKey() + " (removed)");
            } else if (!now.equals(e.getValue())) {
                paths.add(e.getKey() + " (changed)");
            }
        }
        actual.keySet().stream().filter(p -> !expected.containsKey(p)).forEach(p -> paths.add(p + " (added)"));
        return paths;
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(path) || !Files.isDirectory(path)) {
            Files.delete(path);
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void deleteTree(Path path, Exception failure) {
        try {
            deleteTree(path);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }
}
