package dev.skillbase.sync;

import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleException;
import dev.skillbase.skill.BundleFile;
import dev.skillbase.skill.BundleLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writable side of a synced folder: {@code DIR/.skillbase/} holds the sync state ({@code sync.json}), a lock
 * held while a pull or sync writes, and one work folder per skill folder being replaced or removed.
 *
 * <p>A skill folder is replaced whole: the new files are written into {@code .skillbase/work/<id>/new}, the old
 * folder is moved to {@code .skillbase/work/<id>/old}, the new one is moved into place (renames on one file system),
 * and then whatever the old folder held that was not one of the skill's files (ignored names such as
 * {@code node_modules}, symbolic links, anything the skill's bundle leaves out) is moved back, so an unknown file is
 * never deleted. {@code .skillbase/work/<id>/target} names the folder. A process killed at any point leaves a work
 * folder that {@link #open} completes or rolls back the next time; the scanner never looks inside
 * {@code .skillbase}, so a half-done write is never read as a skill. Not thread-safe for the same skill folder; the
 * lock keeps other processes out.
 */
final class SyncFolder implements AutoCloseable {
    static final String NAME = ".skillbase";
    private static final String STATE = "sync.json";
    private static final String KEPT_SUFFIX = ".skillbase-kept";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path root;
    private final Path home;
    private final FileChannel lockFile;
    private final FileLock lock;

    private SyncFolder(Path root, Path home, FileChannel lockFile, FileLock lock) {
        this.root = root;
        this.home = home;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Takes the folder for writing: creates {@code .skillbase}, takes its lock and completes or rolls back what a
     * killed pull or sync left half-done.
     *
     * @throws SyncFolderException when the folder cannot be written or another process holds the lock
     */
    static SyncFolder open(Path root) {
        Path home = root.resolve(NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new SyncFolderException("another skillbase pull or sync is writing " + root
                        + ": wait for it to finish");
            }
            SyncFolder folder = new SyncFolder(root, home, channel, lock);
            folder.recover();
            return folder;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel, e);
            throw new SyncFolderException("another pull or sync in this process is writing " + root, e);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(channel, e);
            throw new SyncFolderException("cannot write to " + root + ": " + describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    /** The state file's content, or empty when the folder was never synced. */
    static Optional<SyncState> readState(Path root) {
        Path file = root.resolve(NAME).resolve(STATE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            SyncState state = JSON.readValue(Files.readAllBytes(file), SyncState.class);
            if (state.format() != SyncState.FORMAT) {
                throw new SyncFolderException(file + " has format " + state.format() + ", this skillbase reads "
                        + SyncState.FORMAT + ": sync with the skillbase that wrote it, or delete the file (every skill "
                        + "then counts as never synced)");
            }
            return Optional.of(state);
        } catch (IOException | JacksonException | NullPointerException e) {
            throw new SyncFolderException("cannot read the sync state " + file + ": " + describe(e)
                    + " (delete it to start over: every skill then counts as never synced)", e);
        }
    }

    /** Writes the state atomically (a temporary file, then a rename). */
    void writeState(SyncState state) {
        Path file = home.resolve(STATE);
        Path temporary = home.resolve(STATE + "." + UUID.randomUUID() + ".tmp");
        try {
            byte[] bytes = JSON.writeValueAsBytes(state);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary, e);
            throw new SyncFolderException("cannot write the sync state " + file + ": " + describe(e), e);
        }
    }

    /**
     * Makes {@code target} hold exactly the bundle's files, plus whatever it held that was not one of its skill's
     * files. With {@code keepAll}, every file already there is kept (a folder this sync does not manage yet).
     */
    void replace(Path target, Bundle bundle, boolean keepAll) {
        Path work = newWork(target);
        try {
            Path fresh = work.resolve("new");
            writeFiles(fresh, bundle);
            Path old = work.resolve("old");
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.createDirectories(target.getParent());
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            finish(work, target, keepAll);
        } catch (IOException | UncheckedIOException e) {
            throw new SyncFolderException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** Removes the skill's files from {@code target}; anything else in it stays. */
    void remove(Path target) {
        Path work = newWork(target);
        try {
            Files.move(target, work.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
            finish(work, target, false);
        } catch (IOException | UncheckedIOException e) {
            throw new SyncFolderException("cannot remove " + target + ": " + describe(e), e);
        }
    }

    private Path newWork(Path target) {
        Path work = home.resolve("work").resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(work);
            Files.writeString(work.resolve("target"), root.relativize(target).toString(), StandardCharsets.UTF_8);
            return work;
        } catch (IOException e) {
            throw new SyncFolderException("cannot write to " + home + ": " + describe(e), e);
        }
    }

    private static void writeFiles(Path dir, Bundle bundle) throws IOException {
        Files.createDirectories(dir);
        for (BundleFile file : bundle.files()) {
            Path path = dir.resolve(file.path());
            if (!path.normalize().startsWith(dir)) {
                throw new IOException("the archive's path " + file.path() + " leaves the skill folder");
            }
            Files.createDirectories(path.getParent());
            Files.write(path, file.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (file.executable()) {
                Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(path, permissions);
            }
        }
    }

    /** Moves back what the old folder held beyond its skill's files, then drops the work folder. */
    private void finish(Path work, Path target, boolean keepAll) throws IOException {
        Path old = work.resolve("old");
        if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
            keepUnmanaged(old, target, keepAll ? Set.of() : managedFiles(old));
        }
        deleteTree(work);
    }

    /** The skill's own files in {@code dir}; an unreadable folder manages nothing (so everything is kept). */
    private static Set<String> managedFiles(Path dir) {
        try {
            return Bundle.read(dir, BundleLimits.DEFAULT).files().stream().map(BundleFile::path)
                    .collect(Collectors.toSet());
        } catch (BundleException e) {
            return Set.of();
        }
    }

    private static void keepUnmanaged(Path old, Path target, Set<String> managed) throws IOException {
        List<Path> kept = new ArrayList<>();
        Files.walkFileTree(old, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String path = relative(old, dir);
                if (dir.equals(old) || managed.stream().anyMatch(m -> m.startsWith(path + "/"))) {
                    return FileVisitResult.CONTINUE;
                }
                kept.add(dir);
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!managed.contains(relative(old, file))) {
                    kept.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path entry : kept) {
            Path destination = target.resolve(old.relativize(entry).toString());
            Files.createDirectories(destination.getParent());
            // a rename replaces what is there: the new version may have a file where the user had one of theirs,
            // which is then kept beside it
            Path free = destination;
            for (int n = 0; Files.exists(free, LinkOption.NOFOLLOW_LINKS); n++) {
                free = destination.resolveSibling(destination.getFileName() + KEPT_SUFFIX + (n == 0 ? "" : "-" + n));
            }
            Files.move(entry, free, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String relative(Path base, Path path) {
        List<String> parts = new ArrayList<>();
        base.relativize(path).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    /**
     * Completes what a killed process left: a folder moved out but its replacement not yet in is moved back; a
     * replacement in place (or a removal) gets the user's files back; a replacement never started is dropped.
     */
    private void recover() throws IOException {
        Path works = home.resolve("work");
        if (!Files.isDirectory(works)) {
            return;
        }
        List<Path> left;
        try (Stream<Path> list = Files.list(works)) {
            left = list.toList();
        }
        for (Path work : left) {
            Path targetFile = work.resolve("target");
            if (!Files.isRegularFile(targetFile)) {
                deleteTree(work);
                continue;
            }
            Path target = root.resolve(Files.readString(targetFile, StandardCharsets.UTF_8)).normalize();
            boolean fresh = Files.exists(work.resolve("new"), LinkOption.NOFOLLOW_LINKS);
            boolean old = Files.exists(work.resolve("old"), LinkOption.NOFOLLOW_LINKS);
            if (!target.startsWith(root)) {
                throw new IOException(targetFile + " names a folder outside " + root);
            }
            if (fresh && old && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target.getParent());
                Files.move(work.resolve("old"), target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(work);
            } else if (old && !fresh) {
                finish(work, target, false);
            } else {
                deleteTree(work);
            }
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (cause instanceof NoSuchFileException missing) {
            return "no such file or folder " + missing.getFile();
        }
        if (cause instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (cause instanceof java.nio.file.FileSystemException fs) {
            return fs.getFile() + ": " + Optional.ofNullable(fs.getReason()).orElse(fs.getClass().getSimpleName());
        }
        return Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName());
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            throw new SyncFolderException("cannot release the lock of " + home + ": " + describe(e), e);
        }
    }
}
