package dev.skillbase.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh temporary folder for one run: {@code bundle/} holds the skill's files, read-only, and {@code scratch/}
 * is the writable folder a run without the sandbox gets (the sandbox gives its own, in memory). The top folder lets
 * others through (not list) so the sandbox, which runs as an unprivileged user, can reach the bundle. Deleted on
 * {@link #close()}.
 */
final class RunFolder implements AutoCloseable {
    private final Path root;

    private RunFolder(Path root) {
        this.root = root;
    }

    /**
     * Writes {@code files} (relative path to bytes and executable bit) into a new folder's {@code bundle/}, then
     * makes every file and folder of it read-only.
     */
    static RunFolder unpack(Map<String, BundleContent> files) {
        Path root;
        try {
            root = Files.createTempDirectory("skillbase-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the run", e);
        }
        RunFolder folder = new RunFolder(root);
        try {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
            Path bundle = Files.createDirectory(root.resolve("bundle"));
            Files.createDirectory(root.resolve("scratch"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            for (Map.Entry<String, BundleContent> file : files.entrySet()) {
                Path target = bundle.resolve(file.getKey()).normalize();
                if (!target.startsWith(bundle) || target.equals(bundle)) {
                    throw new IllegalArgumentException("bundle path escapes the bundle: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue().bytes());
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                        file.getValue().executable() ? "r-xr-xr-x" : "r--r--r--"));
            }
            try (Stream<Path> dirs = Files.walk(bundle)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
                }
            }
            return folder;
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("cannot unpack the bundle for the run", e);
            closeAfter(folder, failure);
            throw failure;
        } catch (RuntimeException e) {
            closeAfter(folder, e);
            throw e;
        }
    }

    private static void closeAfter(RunFolder folder, RuntimeException failure) {
        try {
            folder.close();
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** One file to unpack. */
    record BundleContent(byte[] bytes, boolean executable) {
    }

    Path bundle() {
        return root.resolve("bundle");
    }

    Path scratch() {
        return root.resolve("scratch");
    }

    /** Deletes the folder and everything in it (read-only parts made writable first). */
    @Override
    public void close() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(path)) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up the run folder " + root, e);
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the run folder " + root, e);
        }
    }
}
