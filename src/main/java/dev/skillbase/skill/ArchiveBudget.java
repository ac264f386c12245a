package dev.skillbase.skill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Counts what one archive has cost so far and refuses it the moment it goes over a limit. Not thread-safe. */
final class ArchiveBudget {
    private final ArchiveLimits limits;
    private final long archiveBytes;
    private int entries;
    private long total;

    ArchiveBudget(ArchiveLimits limits, long archiveBytes) {
        this.limits = limits;
        this.archiveBytes = Math.max(1, archiveBytes);
    }

    void countEntry() {
        if (++entries > limits.maxEntries()) {
            throw new ArchiveTooLargeException("archive", "archive-too-many-entries", "the archive has more than "
                    + limits.maxEntries() + " entries (files and folders): a skill may hold at most "
                    + limits.bundle().maxFiles() + " files");
        }
    }

    /** Reads one entry's bytes, counting each decompressed byte against the file, bundle and ratio limits. */
    byte[] read(String path, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long fileBytes = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            fileBytes += n;
            total += n;
            check(path, fileBytes);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void check(String path, long fileBytes) {
        BundleLimits bundle = limits.bundle();
        if (fileBytes > bundle.maxFileBytes()) {
            throw new BundleTooLargeException(List.of(Problem.error(path, "file-too-large", path
                    + " decompresses to more than " + bundle.maxFileBytes() + " bytes, at most "
                    + bundle.maxFileBytes() + " are allowed per file: shrink or remove it")));
        }
        if (total > bundle.maxTotalBytes()) {
            throw new BundleTooLargeException(List.of(Problem.error("bundle", "bundle-too-large",
                    "the archive decompresses to more than " + bundle.maxTotalBytes() + " bytes, at most "
                            + bundle.maxTotalBytes() + " are allowed: remove large files")));
        }
        if (total > limits.ratioGraceBytes() && total > limits.maxRatio() * archiveBytes) {
            throw new ArchiveTooLargeException(path, "archive-bomb", "the archive of " + archiveBytes
                    + " bytes decompresses to more than " + total + " bytes (over " + limits.maxRatio()
                    + ":1) by " + path + ": that is a decompression bomb, not a skill");
        }
    }
}
