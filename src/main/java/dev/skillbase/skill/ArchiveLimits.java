package dev.skillbase.skill;

/**
 * How far an uploaded archive may go before it is refused, on top of the {@link BundleLimits} its files must keep.
 * {@code maxEntries} counts every entry, folders included. {@code maxRatio} bounds the decompressed bytes against the
 * archive's own size once more than {@code ratioGraceBytes} have been decompressed (small, very repetitive files are
 * legitimately compressible far beyond any sane ratio, so the ratio is only enforced past the grace).
 */
public record ArchiveLimits(BundleLimits bundle, int maxEntries, int maxRatio, long ratioGraceBytes) {
    /**
     * The bundle's defaults, 2 entries per allowed file (folders), 100:1, ratio checked past 1 MiB. The 765 real
     * skills of the corpus compress as tar.gz at a median 2.7:1, 99th percentile 4.1:1, at most 10.8:1 (measured by
     * ArchiveReaderTest), so 100:1 leaves an order of magnitude of room while a bomb (1 GB of zeros is about 1000:1) is refused after reading at most
     * {@code maxRatio * archive size} bytes.
     */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(BundleLimits.DEFAULT, 2 * BundleLimits.DEFAULT.maxFiles(),
            100, 1024 * 1024);

    /** @throws IllegalArgumentException when a limit is not positive */
    public ArchiveLimits {
        if (bundle == null || maxEntries <= 0 || maxRatio <= 0 || ratioGraceBytes < 0) {
            throw new IllegalArgumentException("archive limits must be positive: maxEntries=" + maxEntries
                    + ", maxRatio=" + maxRatio + ", ratioGraceBytes=" + ratioGraceBytes);
        }
    }

    /** The same archive limits over other bundle limits. */
    public static ArchiveLimits of(BundleLimits bundle) {
        return new ArchiveLimits(bundle, 2 * bundle.maxFiles(), DEFAULT.maxRatio, DEFAULT.ratioGraceBytes);
    }
}
