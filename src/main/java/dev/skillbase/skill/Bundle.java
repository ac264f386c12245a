package dev.skillbase.skill;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The files of one skill folder, sorted by path (unsigned UTF-8 byte order). Skips {@code .git},
 * {@code node_modules}, {@code __pycache__}, {@code .DS_Store}; never follows a symbolic link nor reads outside the
 * folder. Immutable once read and thread-safe; the archive and digests are computed once, on first use.
 */
public final class Bundle {
    /** Unsigned UTF-8 byte order: the same on every platform, unlike UTF-16 {@code String} order. */
    static final Comparator<String> PATH_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    private static final Comparator<BundleFile> BY_PATH = Comparator.comparing(BundleFile::path, PATH_ORDER);

    private final List<BundleFile> files;
    private final List<Problem> skipped;
    private final long totalBytes;
    private String contentDigest;
    private byte[] archive;
    private String archiveDigest;
    private List<String> fileDigests;

    private Bundle(List<BundleFile> files, List<Problem> skipped) {
        this.files = files;
        this.skipped = skipped;
        this.totalBytes = files.stream().mapToLong(BundleFile::size).sum();
    }

    /**
     * Reads a skill folder. Sizes are checked from file attributes before any byte is read.
     *
     * @throws BundleTooLargeException naming every file and limit that is broken
     * @throws BundleException naming the folder, for an I/O failure
     */
    public static Bundle read(Path dir, BundleLimits limits) {
        return BundleReader.read(dir, limits);
    }

    /**
     * Builds a bundle from files already in memory (e.g. an unpacked archive); checks the same limits, leaves out
     * the same ignored names (reported in {@link #skipped()}).
     *
     * @throws UnsafeBundlePathException for an empty, absolute, backslashed, {@code .}/{@code ..} or duplicate path
     * @throws BundleTooLargeException naming every limit that is broken
     */
    public static Bundle of(List<BundleFile> files, BundleLimits limits) {
        return of(files, limits, List.of());
    }

    static Bundle of(List<BundleFile> files, BundleLimits limits, List<Problem> alreadySkipped) {
        Set<String> seen = BundleRules.newSeen();
        List<BundleFile> kept = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>(alreadySkipped);
        for (BundleFile file : files) {
            BundleRules.checkPath(file.path(), seen);
            if (BundleRules.isIgnored(file.path())) {
                skipped.add(BundleRules.ignored(file.path()));
            } else {
                kept.add(file);
            }
        }
        List<Problem> problems = BundleRules.limitProblems(kept.stream().map(BundleFile::path).toList(),
                kept.stream().map(BundleFile::size).toList(), false, limits);
        if (!problems.isEmpty()) {
            throw new BundleTooLargeException(problems);
        }
        kept.sort(BY_PATH);
        return new Bundle(List.copyOf(kept), List.copyOf(skipped));
    }

    /** Whether a file or folder of this name is left out of every bundle (with its content, for a folder). */
    public static boolean isIgnoredName(String name) {
        return BundleRules.IGNORED.contains(name);
    }

    public List<BundleFile> files() {
        return files;
    }

    /** What was left out while reading (symbolic links, skipped folders), as warnings on the file's path. */
    public List<Problem> skipped() {
        return skipped;
    }

    public long totalBytes() {
        return totalBytes;
    }

    /**
     * {@code sha256:<hex>} over the sorted relative paths and bytes. The SHA-256 input is, for each file in
     * {@link #files()} order: the path in UTF-8, one 0x00 byte, the content length as an 8-byte big-endian number,
     * then the content. Paths never contain 0x00 and the length is fixed-width, so no two bundles share an input.
     * The executable bit is not part of it (it is part of the archive).
     */
    public synchronized String contentDigest() {
        if (contentDigest == null) {
            contentDigest = BundleArchive.contentDigest(files);
        }
        return contentDigest;
    }

    /**
     * The deterministic {@code .tar.gz}: one entry per file in {@link #files()} order, no directory entries, paths
     * relative to the skill folder (so SKILL.md is at the root), mtime 0, uid/gid 0, no user or group names, mode
     * 0644 or 0755 for executables, PAX headers for long or non-ASCII names; gzip header with mtime 0, no file name,
     * OS 255. The same files always give the same bytes with the same zlib. Returns a copy.
     */
    public byte[] archive() {
        return archiveBytes().clone();
    }

    /**
     * {@code sha256:<hex>} of each file's bytes, in {@link #files()} order: the keys under which a registry stores
     * them. Computed once.
     */
    public synchronized List<String> fileDigests() {
        if (fileDigests == null) {
            fileDigests = files.stream().map(file -> BundleArchive.digest(file.content())).toList();
        }
        return fileDigests;
    }

    /**
     * Computes now, in the calling thread, everything a publication needs (the content digest, the archive and the
     * file digests), so that a writer on another thread finds it ready.
     */
    public void prepareForPublishing() {
        contentDigest();
        archiveDigest();
        fileDigests();
    }

    /** {@code sha256:<hex>} of {@link #archive()}. */
    public synchronized String archiveDigest() {
        if (archiveDigest == null) {
            archiveDigest = BundleArchive.digest(archiveBytes());
        }
        return archiveDigest;
    }

    private synchronized byte[] archiveBytes() {
        if (archive == null) {
            archive = BundleArchive.archive(files);
        }
        return archive;
    }

    @Override
    public String toString() {
        return "Bundle[" + files.size() + " files, " + totalBytes + " bytes]";
    }
}
