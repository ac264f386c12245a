package dev.skillbase.skill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Reads a skill folder from disk: walks it without following links, checks every limit from the file attributes,
 * and only then reads bytes (each read bounded again, in case a file grew in between).
 */
final class BundleReader {
    private record Candidate(String path, Path file, long size) {
    }

    private final Path root;
    private final BundleLimits limits;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<Problem> skipped = new ArrayList<>();
    private boolean moreFiles;

    /** The largest byte array the JVM reliably allocates. */
    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private BundleReader(Path root, BundleLimits limits) {
        this.root = root;
        this.limits = limits;
    }

    static Bundle read(Path dir, BundleLimits limits) {
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            throw new BundleException("cannot read skill folder " + dir, e);
        }
        if (!Files.isDirectory(root)) {
            throw new BundleException("skill folder " + dir + " is not a folder");
        }
        BundleReader reader = new BundleReader(root, limits);
        try {
            reader.walk();
            return reader.readFiles();
        } catch (IOException | UncheckedIOException e) {
            throw new BundleException("cannot read skill folder " + dir, e);
        }
    }

    private void walk() throws IOException {
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && BundleRules.IGNORED.contains(dir.getFileName().toString())) {
                    skipped.add(BundleRules.ignored(relative(dir)));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                return visit(file, attrs);
            }
        });
    }

    private FileVisitResult visit(Path file, BasicFileAttributes attrs) {
        String path = relative(file);
        if (attrs.isSymbolicLink()) {
            skipped.add(Problem.warning(path, "symlink-skipped", path
                    + " is a symbolic link and was left out: links are never followed, copy the file in instead"));
        } else if (BundleRules.IGNORED.contains(file.getFileName().toString())) {
            skipped.add(BundleRules.ignored(path));
        } else if (!attrs.isRegularFile()) {
            skipped.add(Problem.warning(path, "file-skipped", path + " is not a regular file and was left out"));
        } else {
            candidates.add(new Candidate(path, file, attrs.size()));
            if (candidates.size() > limits.maxFiles()) {
                // stop walking a huge tree: the verdict is already known
                moreFiles = true;
                return FileVisitResult.TERMINATE;
            }
        }
        return FileVisitResult.CONTINUE;
    }

    private Bundle readFiles() throws IOException {
        candidates.sort(Comparator.comparing(Candidate::path, Bundle.PATH_ORDER));
        List<Problem> problems = BundleRules.limitProblems(
                candidates.stream().map(Candidate::path).toList(),
                candidates.stream().map(Candidate::size).toList(),
                moreFiles, limits);
        if (!problems.isEmpty()) {
            throw new BundleTooLargeException(problems);
        }
        List<BundleFile> files = new ArrayList<>();
        for (Candidate candidate : candidates) {
            files.add(new BundleFile(candidate.path(), readBounded(candidate), isExecutable(candidate.file())));
        }
        return Bundle.of(files, limits, skipped);
    }

    private byte[] readBounded(Candidate candidate) throws IOException {
        // at most what the limit allows and an array can hold, plus one byte to tell that the file is longer
        // (computed without adding to the limit, which may be Long.MAX_VALUE)
        int most = (int) Math.min(MAX_ARRAY_BYTES, limits.maxFileBytes());
        try (InputStream in = Files.newInputStream(candidate.file(), LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(most + 1);
            if (bytes.length > most) {
                throw new BundleTooLargeException(List.of(Problem.error(candidate.path(), "file-too-large",
                        candidate.path() + " grew past " + most + " bytes while being read")));
            }
            return bytes;
        }
    }

    private static boolean isExecutable(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return false; // not a POSIX file system: nothing records an executable bit
        }
    }

    private String relative(Path file) {
        List<String> segments = new ArrayList<>();
        root.relativize(file).forEach(segment -> segments.add(segment.toString()));
        return String.join("/", segments);
    }
}
