package dev.skillbase.skill;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of one skill folder, sorted by path. Skips {@code .git}, {@code node_modules}, {@code __pycache__},
 * {@code .DS_Store}; never follows a symbolic link nor reads outside the folder. Immutable once read.
 */
public final class Bundle {

    /**
     * Reads a skill folder.
     *
     * @throws BundleException naming the file and the limit it breaks, or the I/O failure
     */
    public static Bundle read(Path dir, BundleLimits limits) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** Builds a bundle from files already in memory (e.g. an unpacked archive); checks the same limits. */
    public static Bundle of(List<BundleFile> files, BundleLimits limits) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    public List<BundleFile> files() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** What was left out while reading (symbolic links, skipped folders), as warnings on the file's path. */
    public List<Problem> skipped() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    public long totalBytes() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** {@code sha256:<hex>} over the sorted relative paths and bytes. */
    public String contentDigest() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** The deterministic {@code .tar.gz}: sorted entries, fixed times, owners and modes, SKILL.md at the root. */
    public byte[] archive() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** {@code sha256:<hex>} of {@link #archive()}. */
    public String archiveDigest() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }
}
