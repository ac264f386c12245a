package dev.skillbase.registry;

/** Registry-wide figures. */
public record RegistryStats(
        long skills, long versions, long namespaces, long categories, long tags, long blobs, long blobBytes,
        long installs) {
}
