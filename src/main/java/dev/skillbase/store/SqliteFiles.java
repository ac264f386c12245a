package dev.skillbase.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Checks an SQLite location before it is opened, so that a read-only file or folder is reported as such rather
 * than as a cryptic SQLite error later. A file or folder without its owner's write permission counts as
 * read-only even for root, who could otherwise write it: the mode states the user's intent.
 */
final class SqliteFiles {
    private SqliteFiles() {
    }

    static void prepare(SqliteUrl url) {
        Path file = url.file();
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DatabaseNotWritableException("cannot create the folder " + folder + " for the database file "
                    + file.getFileName() + ": " + e, e);
        }
        if (Files.isDirectory(file)) {
            throw new DatabaseNotWritableException("the database path " + file + " is a folder, not a file", null);
        }
        if (Files.exists(file) && !writable(file)) {
            throw new DatabaseNotWritableException("the database file " + file + " is not writable", null);
        }
        if (!writable(folder)) {
            throw new DatabaseNotWritableException("the folder " + folder + " of the database file is not writable"
                    + " (SQLite needs to create its journal files there)", null);
        }
    }

    private static boolean writable(Path path) {
        if (!Files.isWritable(path)) {
            return false;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        try {
            return posix == null || posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }
}
