package dev.skillbase.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.security.CodeSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a push learnt about each skill folder it read (content digest, resolved name, warnings), so that the next
 * push of the same root skips reading, parsing and hashing the folders that did not change; a changed folder, or one
 * whose skill must be published, is read in full as without a cache.
 *
 * <p>Where it lives: one file per pushed root, {@code <folder>/<sha256 of the root's absolute path>.tsv}, the folder
 * being {@code $XDG_CACHE_HOME/skillbase/push} (else {@code ~/.cache/skillbase/push}). Its first line names the
 * format, the build of skillbase (size and time of the jar or classes folder) and the validator's settings: a file
 * written by another build or with other settings is ignored whole.
 *
 * <p>How it is invalidated: an entry is used only when the folder's {@link FolderFingerprint} (every entry's path,
 * type, size, mtime, ctime, inode and permissions) is exactly the recorded one; any write, rename, chmod or
 * {@code touch} changes the ctime, which nothing can set back. A folder written less than {@link #SETTLE} before it
 * was fingerprinted is never recorded: a second write within the file system's timestamp granularity could
 * otherwise leave its fingerprint unchanged. Each save keeps only the folders of that push. Deleting the file is
 * always safe; a cache that cannot be read or written costs only time (logged at debug).
 *
 * <p>Thread-safe: folders are looked up and recorded from parallel readers.
 */
final class PushCache {
    /** How old a folder's newest timestamp must be before its digest is kept (covers 2-second FAT/SMB granularity). */
    static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(PushCache.class);
    private static final String FORMAT = "skillbase-push-cache 1";
    private static final char SEPARATOR = '\u001f';

    /** A folder as last read: its fingerprint, its content digest, the name it resolved to and its warnings. */
    record Entry(String fingerprint, String contentDigest, String name, List<String> warnings) {
        Entry {
            warnings = List.copyOf(warnings);
        }
    }

    private final Optional<Path> file;
    private final String header;
    private final Clock clock;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();

    private PushCache(Optional<Path> file, String header, Clock clock, Map<String, Entry> previous) {
        this.file = file;
        this.header = header;
        this.clock = clock;
        this.previous = previous;
    }

    /** No cache: every folder is read. */
    static PushCache none() {
        return new PushCache(Optional.empty(), "", Clock.systemUTC(), Map.of());
    }

    /**
     * The cache of {@code root} in {@code folder}, as left by the last push of that root with the same build and
     * validator settings (described by {@code settings}).
     */
    static PushCache open(Path folder, Path root, String settings, Clock clock) {
        Path file = folder.resolve(sha256(root.toAbsolutePath().normalize().toString()) + ".tsv");
        String header = FORMAT + "\t" + escape(build()) + "\t" + escape(settings);
        return new PushCache(Optional.of(file), header, clock, load(file, header));
    }

    /** The default folder: {@code $XDG_CACHE_HOME/skillbase/push}, else {@code ~/.cache/skillbase/push}. */
    static Path defaultFolder(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("skillbase").resolve("push");
    }

    /** Whether folders are looked up at all (fingerprinting them costs a walk). */
    boolean enabled() {
        return file.isPresent();
    }

    /** The clock that dates fingerprints. */
    Clock clock() {
        return clock;
    }

    /** The entry of the folder at {@code path} (relative to the root) when its fingerprint is the recorded one. */
    Optional<Entry> lookup(String path, FolderFingerprint fingerprint) {
        Entry entry = previous.get(path);
        if (entry == null || !entry.fingerprint().equals(fingerprint.value())) {
            return Optional.empty();
        }
        current.put(path, entry);
        return Optional.of(entry);
    }

    /** Records a folder just read, unless it was written too recently to trust its fingerprint later. */
    void record(String path, FolderFingerprint fingerprint, String contentDigest, String name, List<String> warnings) {
        if (file.isEmpty() || !fingerprint.newest().isBefore(fingerprint.takenAt().minus(SETTLE))) {
            return;
        }
        current.put(path, new Entry(fingerprint.value(), contentDigest, name, warnings));
    }

    /** Writes the entries of this push (replacing the file atomically); a failure only costs the next push time. */
    void save() {
        if (file.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(header).append('\n');
        new TreeMap<>(current).forEach((path, entry) -> text.append(escape(path)).append('\t')
                .append(entry.fingerprint()).append('\t').append(entry.contentDigest()).append('\t')
                .append(escape(entry.name())).append('\t')
                .append(escape(String.join(String.valueOf(SEPARATOR), entry.warnings().stream()
                        .map(PushCache::escape).toList())))
                .append('\n'));
        Path target = file.get();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("cannot write the push cache {}", target, e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Map<String, Entry> load(Path file, String header) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.getFirst().equals(header)) {
                return Map.of();
            }
            Map<String, Entry> entries = new ConcurrentHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 5) {
                    return Map.of(); // not written by this code: trust none of it
                }
                List<String> warnings = fields[4].isEmpty() ? List.of() : Arrays.stream(
                        unescape(fields[4]).split(String.valueOf(SEPARATOR), -1)).map(PushCache::unescape).toList();
                entries.put(unescape(fields[0]), new Entry(fields[1], fields[2], unescape(fields[3]), warnings));
            }
            return entries;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.debug("cannot read the push cache {}", file, e);
            return Map.of();
        }
    }

    /** The build of the running code: the size and time of the jar (or classes folder) it was loaded from. */
    private static String build() {
        CodeSource source = PushCache.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "unknown-" + System.nanoTime(); // matches no file: the cache is used by nothing
        }
        try {
            Path code = Path.of(source.getLocation().toURI());
            return Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException | IllegalArgumentException
                | FileSystemNotFoundException e) {
            return "unknown-" + System.nanoTime(); // matches no file: the cache is used by nothing
        }
    }

    /** Tabs, newlines, the separator and '%' as %XX, so that every field stays on its line and column. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '\t' || c == '\n' || c == '\r' || c == SEPARATOR) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "PushCache[" + file.map(Path::toString).orElse("none") + ", " + previous.size() + " entries]";
    }
}
