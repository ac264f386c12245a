package dev.skillbase.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A cheap fingerprint of a folder from file attributes only: every entry below it (links not followed, nothing
 * skipped) with its type, size and modification time, hashed. The sync state keeps it beside the content digest, so
 * that a later sync takes a folder whose stamp is unchanged as unchanged without reading, parsing and hashing its
 * files (as git's index does). It is taken before the folder is read: an edit made while a sync runs changes the
 * stamp, and the next sync reads the folder again.
 */
final class FolderStamp {
    private FolderStamp() {
    }

    static String of(Path dir) {
        List<String> entries = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                    entries.add(line(dir, folder, attrs));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    entries.add(line(dir, file, attrs));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        entries.sort(null);
        MessageDigest sha256 = sha256();
        entries.forEach(entry -> sha256.update(entry.getBytes(StandardCharsets.UTF_8)));
        return "stamp:" + HexFormat.of().formatHex(sha256.digest(), 0, 16);
    }

    private static String line(Path dir, Path entry, BasicFileAttributes attrs) {
        char type = attrs.isDirectory() ? 'd' : attrs.isRegularFile() ? 'f' : attrs.isSymbolicLink() ? 'l' : 'o';
        java.time.Instant modified = attrs.lastModifiedTime().toInstant();
        return dir.relativize(entry) + "\0" + type + "\0" + attrs.size() + "\0" + modified.getEpochSecond() + "."
                + modified.getNano() + "\0" + attrs.fileKey() + "\n";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
