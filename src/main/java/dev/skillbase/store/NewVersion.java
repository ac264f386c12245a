package dev.skillbase.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the store needs to publish one version, as plain values: the store does not parse skills. The skill's
 * metadata (title, description, taxonomy path, tags, license, source) replaces what the skill had.
 *
 * @param frontmatterJson the frontmatter as one JSON object
 * @param archive the deterministic archive whose digest is {@code archiveDigest}; stored as a blob
 */
public record NewVersion(
        String namespace,
        String name,
        String version,
        String title,
        String description,
        String taxonomyPath,
        List<String> tags,
        Optional<String> license,
        Optional<String> sourceUrl,
        String frontmatterJson,
        String body,
        String contentDigest,
        String archiveDigest,
        byte[] archive,
        List<NewFile> files,
        Optional<String> changelog,
        Optional<String> publishedBy) {

    public NewVersion {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(frontmatterJson, "frontmatterJson");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentDigest, "contentDigest");
        Objects.requireNonNull(archiveDigest, "archiveDigest");
        Objects.requireNonNull(archive, "archive");
        taxonomyPath = taxonomyPath == null ? "" : taxonomyPath;
        tags = List.copyOf(new LinkedHashSet<>(tags));
        files = List.copyOf(files);
    }

    /** The total size of the files in bytes. */
    public long size() {
        return files.stream().mapToLong(f -> f.content().length).sum();
    }

    /** {@code namespace/name@version}, for messages. */
    public String label() {
        return namespace + "/" + name + "@" + version;
    }
}
