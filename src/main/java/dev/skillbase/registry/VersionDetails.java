package dev.skillbase.registry;

import java.util.List;
import java.util.Optional;

/** One version with its manifest, its frontmatter (as a JSON object) and its body. */
public record VersionDetails(
        SkillRef ref, VersionInfo info, String frontmatterJson, String body, Optional<String> changelog,
        List<FileEntry> files) {

    public VersionDetails {
        files = List.copyOf(files);
    }

    /** A file of a version: path, size, {@code sha256:<hex>} of its bytes, executable bit. */
    public record FileEntry(String path, long size, String digest, boolean executable) {
    }
}
