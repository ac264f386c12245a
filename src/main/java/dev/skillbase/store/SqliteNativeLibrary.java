package dev.skillbase.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.slf4j.LoggerFactory;

/**
 * Lets sqlite-jdbc load its native library from a copy kept in a cache folder. Left to itself, sqlite-jdbc does on
 * every process start what a short CLI command cannot afford (about 0.15 s of CPU here): it runs {@code uname -o}
 * to tell Android from Linux, lists {@code java.io.tmpdir} to delete stale copies, and writes a new copy of the
 * 1 MB library there under a random name.
 *
 * <p>The copy is named by the CRC-32 and size that the jar records for the library ({@code
 * libsqlitejdbc-<crc>-<size>.so}), so another build of the driver never uses it; it is written to a temporary file
 * and renamed into place, and before each use its CRC-32 is checked against the jar's, so a truncated or altered
 * copy is written again. Only the Linux x86-64 library is handled (the only one the fat jar ships); elsewhere, when
 * {@code org.sqlite.lib.path} is already set, or when the folder cannot be written, sqlite-jdbc loads its library
 * as usual.
 *
 * <p>Call {@link #useCopyIn} once, before the first SQLite connection of the process; or let {@link Database#open}
 * do it, only when a command opens an SQLite database, with the folder {@link #useCopyInWhenOpened} recorded (a
 * command on a registry server, or on PostgreSQL, then spends nothing on it).
 */
public final class SqliteNativeLibrary {
    static final String RESOURCE = "/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so";
    /** The folder {@link #beforeFirstConnection} uses, until it has used it. */
    private static Path pending;

    private SqliteNativeLibrary() {
    }

    /**
     * Points sqlite-jdbc ({@code org.sqlite.lib.path}, {@code org.sqlite.lib.name}, {@code org.sqlite.tmpdir}) at
     * an intact copy of its library in {@code folder}, writing the copy first when it is missing or damaged.
     *
     * @return whether sqlite-jdbc will use the copy (otherwise it extracts its library itself, as without this)
     */
    public static boolean useCopyIn(Path folder) {
        if (!"Linux".equals(System.getProperty("os.name")) || !"amd64".equals(System.getProperty("os.arch"))
                || System.getProperty("org.sqlite.lib.path") != null) {
            return false;
        }
        try {
            Optional<Path> copy = copyIn(folder);
            if (copy.isEmpty()) {
                return false;
            }
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", copy.get().getFileName().toString());
            // sqlite-jdbc lists this folder on start to delete stale copies of its own: let it list a small one
            System.setProperty("org.sqlite.tmpdir", folder.toString());
            return true;
        } catch (IOException e) {
            // the logger is looked up here only: logging's set-up is not worth it on every start
            LoggerFactory.getLogger(SqliteNativeLibrary.class).debug(
                    "sqlite-jdbc's native library is not cached in {}; sqlite-jdbc extracts it itself", folder, e);
            return false;
        }
    }

    /**
     * Records {@code folder} for the first SQLite database the process opens ({@link Database#open}), which then
     * does {@link #useCopyIn} with it; costs nothing when no SQLite database is opened.
     */
    public static synchronized void useCopyInWhenOpened(Path folder) {
        pending = folder;
    }

    /** Does {@link #useCopyIn} with the folder {@link #useCopyInWhenOpened} recorded, the first time only. */
    static synchronized void beforeFirstConnection() {
        if (pending != null) {
            Path folder = pending;
            pending = null;
            useCopyIn(folder);
        }
    }

    /**
     * An intact copy of the library in {@code folder}, written there first when missing or damaged; empty when
     * the library is not in a jar on the class path.
     */
    static Optional<Path> copyIn(Path folder) throws IOException {
        URL library = SqliteNativeLibrary.class.getResource(RESOURCE);
        if (library == null || !(library.openConnection() instanceof JarURLConnection jar)) {
            return Optional.empty();
        }
        JarEntry entry = jar.getJarEntry();
        Path copy = folder.resolve(String.format("libsqlitejdbc-%08x-%d.so", entry.getCrc(), entry.getSize()));
        if (!intact(copy, entry.getCrc(), entry.getSize())) {
            write(library, folder, copy, entry.getCrc());
        }
        return Optional.of(copy);
    }

    private static boolean intact(Path copy, long crc, long size) throws IOException {
        if (!Files.isRegularFile(copy) || Files.size(copy) != size) {
            return false;
        }
        return crc32(Files.readAllBytes(copy)) == crc;
    }

    private static void write(URL library, Path folder, Path copy, long crc) throws IOException {
        Files.createDirectories(folder);
        byte[] bytes;
        try (InputStream in = library.openStream()) {
            bytes = in.readAllBytes();
        }
        if (crc32(bytes) != crc) {
            throw new IOException("the library read from " + library + " does not match the jar's CRC-32");
        }
        Path temporary = Files.createTempFile(folder, ".libsqlitejdbc-", ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        removeOtherCopies(folder, copy);
    }

    /** Copies of other builds of the driver: a process of such a build that still runs keeps its mapped copy. */
    private static void removeOtherCopies(Path folder, Path keep) throws IOException {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, "libsqlitejdbc-*.so")) {
            for (Path other : copies) {
                if (!other.equals(keep)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
