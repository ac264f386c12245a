package dev.skillbase.skill;

/** How much a skill folder may hold. */
public record BundleLimits(int maxFiles, long maxTotalBytes, long maxFileBytes) {
    /** 1000 files, 50 MB in all, 10 MB per file. */
    public static final BundleLimits DEFAULT = new BundleLimits(1000, 50L * 1024 * 1024, 10L * 1024 * 1024);

    /** @throws IllegalArgumentException when a limit is not positive */
    public BundleLimits {
        if (maxFiles <= 0 || maxTotalBytes <= 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("bundle limits must be positive: maxFiles=" + maxFiles
                    + ", maxTotalBytes=" + maxTotalBytes + ", maxFileBytes=" + maxFileBytes);
        }
    }
}
