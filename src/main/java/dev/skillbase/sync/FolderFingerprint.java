package dev.skillbase.sync;

import dev.skillbase.skill.Bundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says about a skill folder without reading a byte of it: for every entry below it (links not
 * followed; the content of skipped folders such as {@code .git} not visited, though their presence is recorded),
 * its relative path, type, size, modification and status-change times in nanoseconds, file key (device and inode)
 * and permissions, hashed into one value. Any write to a file changes its status-change time (ctime), which no
 * program can set back, so two equal fingerprints taken at different times mean the files were not written in
 * between, as long as the folder was not written within the clock's granularity of the first one; {@link #newest}
 * and {@link #takenAt} (read from the clock before the walk) let a cache refuse such fresh folders (see
 * {@link PushCache}).
 */
record FolderFingerprint(String value, Instant newest, Instant takenAt) {
    /**
     * @return empty when the folder cannot be walked or the file system does not report status-change times (the
     *     caller then reads the folder, as without a cache)
     */
    static Optional<FolderFingerprint> of(Path dir, Clock clock) {
        Instant takenAt = clock.instant(); // before the walk: whatever is written during or after it is newer
        try {
            return Optional.of(walk(dir, takenAt));
        } catch (IOException | UncheckedIOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static FolderFingerprint walk(Path dir, Instant takenAt) throws IOException {
        Path root = dir.toRealPath();
        MessageDigest sha = sha256();
        long[] newest = {Long.MIN_VALUE};
        List<String> lines = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attrs) throws IOException {
                lines.add(line(root, path, attrs, newest));
                return !path.equals(root) && Bundle.isIgnoredName(path.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) throws IOException {
                lines.add(line(root, path, attrs, newest));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
                throw e;
            }
        });
        lines.sort(null); // the walk's order is the directory's, which may change without any file changing
        for (String line : lines) {
            sha.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return new FolderFingerprint(HexFormat.of().formatHex(sha.digest()),
                Instant.EPOCH.plusNanos(newest[0] == Long.MIN_VALUE ? 0 : newest[0]), takenAt);
    }

    private static String line(Path root, Path path, BasicFileAttributes attrs, long[] newest) throws IOException {
        FileTime ctime = (FileTime) Files.getAttribute(path, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        long mtimeNanos = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        long ctimeNanos = ctime.to(TimeUnit.NANOSECONDS);
        newest[0] = Math.max(newest[0], Math.max(mtimeNanos, ctimeNanos));
        String type = attrs.isSymbolicLink() ? "l" : attrs.isDirectory() ? "d" : attrs.isRegularFile() ? "f" : "o";
        String permissions = attrs instanceof PosixFileAttributes posix
                ? PosixFilePermissions.toString(posix.permissions()) : "-";
        String relative = root.relativize(path).toString();
        return relative.length() + ":" + relative + "\0" + type + "\0" + attrs.size() + "\0" + mtimeNanos + "\0"
                + ctimeNanos + "\0" + attrs.fileKey() + "\0" + permissions + "\n";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
