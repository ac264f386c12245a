package dev.skillbase.registry;

import java.time.Instant;
import java.util.Optional;

/** One published version, without its files. */
public record VersionInfo(
        String version,
        String contentDigest,
        String archiveDigest,
        long size,
        int fileCount,
        Instant publishedAt,
        Optional<String> publishedBy,
        boolean yanked) {
}
