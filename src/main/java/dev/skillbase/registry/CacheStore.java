package dev.skillbase.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responses of one registry kept on disk, for when it cannot be reached. Each GET is one file under
 * {@code responses/}, named by the SHA-256 of its key (the registry's base URL and the request's path and query) and
 * holding the key, when it was stored, the server's ETag and the SHA-256 of its body. An archive is kept once under
 * {@code archives/sha256-<hex>}, content-addressed by its digest, and its response file names that digest instead of
 * holding the bytes.
 *
 * <p>Every file is written to a temporary file in its folder and renamed into place, so a reader sees a whole file or
 * none. Everything read back is checked against its digest: a file that does not match (truncated, edited, the wrong
 * archive) is deleted and reads as absent, never as data. The cache is an optimisation: a file that cannot be
 * written or read is logged at debug level and treated as a miss. A size bound is kept by deleting the least recently
written files (see {@link #prune}). Safe for concurrent use by threads and processes.
 */
final class CacheStore {
    private static final Logger LOG = LoggerFactory.getLogger(CacheStore.class);
    private static final String FORMAT = "skillbase-response 1";
    private static final String BODY = "body ";
    private static final String ARCHIVE = "archive ";

    /** A cached answer: the body (or the archive's bytes), its ETag if the server sent one, and when it was stored. */
    record Entry(byte[] body, Optional<String> etag, Instant storedAt) {
        Entry {
            etag = etag.filter(t -> !t.isBlank() && t.indexOf('\n') < 0 && t.indexOf('\r') < 0);
        }
    }

    private final Path folder;
    private final long maxBytes;
    private final AtomicBoolean pruned = new AtomicBoolean();

    /** A store under {@code folder} kept under {@code maxBytes} (checked once, at its first write). */
    CacheStore(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** A store without a size bound. */
    CacheStore(Path folder) {
        this(folder, Long.MAX_VALUE);
    }

    Path folder() {
        return folder;
    }

    /** The entry stored under {@code key}, checked against its digest; empty when absent or damaged (then deleted). */
    Optional<Entry> read(String key) {
        Path file = responseFile(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("cannot read the cached response {}", file, e);
            return Optional.empty();
        }
        Optional<Entry> entry = parse(key, bytes);
        if (entry.isEmpty()) {
            delete(file);
        }
        return entry;
    }

    /** Stores a metadata response under {@code key}, replacing any earlier one. */
    void write(String key, Entry entry) {
        writeEntry(key, entry, BODY + sha256(entry.body()), entry.body());
    }

    /**
     * Stores an archive under its digest and points {@code key} at it. Nothing is stored when the bytes do not hash
     * to {@code digest}.
     */
    void writeArchive(String key, String digest, Entry entry) {
        if (!sha256(entry.body()).equals(digest)) {
            LOG.debug("not caching {}: its bytes do not match the digest {}", key, digest);
            return;
        }
        Path archive = archiveFile(digest);
        if (!Files.isRegularFile(archive) || !digestOf(archive).equals(Optional.of(digest))) {
            writeAtomically(archive, entry.body());
        }
        writeEntry(key, entry, ARCHIVE + digest, new byte[0]);
    }

    /** Forgets the entry under {@code key} (the server no longer has it). Archives stay: others may point at them. */
    void remove(String key) {
        delete(responseFile(key));
    }

    /** The header lines (format, key, time, ETag, what the content is), then {@code payload}. */
    private void writeEntry(String key, Entry entry, String content, byte[] payload) {
        byte[] head = (FORMAT + "\n" + key + "\n" + entry.storedAt() + "\n" + entry.etag().orElse("") + "\n"
                + content + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + payload.length);
        System.arraycopy(payload, 0, all, head.length, payload.length);
        writeAtomically(responseFile(key), all);
    }

    private Optional<Entry> parse(String key, byte[] bytes) {
        String[] lines = new String[5];
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                return Optional.empty();
            }
            lines[i] = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            start = end + 1;
        }
        if (!lines[0].equals(FORMAT) || !lines[1].equals(key)) {
            return Optional.empty();
        }
        Instant storedAt;
        try {
            storedAt = Instant.parse(lines[2]);
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        Optional<String> etag = Optional.of(lines[3]).filter(t -> !t.isEmpty());
        byte[] body = Arrays.copyOfRange(bytes, start, bytes.length);
        if (lines[4].startsWith(BODY)) {
            return lines[4].substring(BODY.length()).equals(sha256(body))
                    ? Optional.of(new Entry(body, etag, storedAt)) : Optional.empty();
        }
        if (lines[4].startsWith(ARCHIVE) && body.length == 0) {
            return archive(lines[4].substring(ARCHIVE.length())).map(a -> new Entry(a, etag, storedAt));
        }
        return Optional.empty();
    }

    /** The archive with {@code digest}, when it is there and its bytes hash to it (else it is deleted). */
    private Optional<byte[]> archive(String digest) {
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path file = archiveFile(digest);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (sha256(bytes).equals(digest)) {
                return Optional.of(bytes);
            }
            LOG.debug("the cached archive {} does not match its digest; deleting it", file);
            delete(file);
        } catch (NoSuchFileException e) {
            // the response outlived its archive (deleted by hand or as damaged): a miss
        } catch (IOException e) {
            LOG.debug("cannot read the cached archive {}", file, e);
        }
        return Optional.empty();
    }

    private Optional<String> digestOf(Path file) {
        try {
            return Optional.of(sha256(Files.readAllBytes(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path responseFile(String key) {
        return folder.resolve("responses").resolve(sha256(key.getBytes(StandardCharsets.UTF_8)).substring(7));
    }

    Path archiveFile(String digest) {
        return folder.resolve("archives").resolve(digest.replace(':', '-'));
    }

    private void writeAtomically(Path target, byte[] bytes) {
        if (pruned.compareAndSet(false, true)) {
            prune();
        }
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), ".tmp-", "");
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.debug("cannot write the cache file {}", target, e);
            if (temp != null) {
                delete(temp);
            }
        }
    }

    /**
     * When the files of the store add up to more than {@code maxBytes}, deletes the least recently written until
     * three quarters are left. A response whose archive went is a miss, as when it was deleted by hand.
     */
    void prune() {
        record Stored(Path file, long size, long modified) {
        }
        List<Stored> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                try {
                    files.add(new Stored(file, Files.size(file), Files.getLastModifiedTime(file).toMillis()));
                } catch (IOException gone) {
                    // removed meanwhile by another process
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("cannot list the cache folder {}", folder, e);
            return;
        }
        long total = files.stream().mapToLong(Stored::size).sum();
        if (total <= maxBytes) {
            return;
        }
        files.sort(Comparator.comparingLong(Stored::modified));
        for (Stored stored : files) {
            if (total <= maxBytes / 4 * 3) {
                break;
            }
            delete(stored.file());
            total -= stored.size();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete the cache file {}", file, e);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
