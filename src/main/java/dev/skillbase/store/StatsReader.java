package dev.skillbase.store;

import dev.skillbase.registry.RegistryStats;

/**
 * Registry-wide counts. A category is a distinct non-empty taxonomy path ({@code development/languages/python} and
 * {@code development/testing} are two categories). Thread-safe.
 */
public final class StatsReader {
    private final Database database;

    public StatsReader(Database database) {
        this.database = database;
    }

    public RegistryStats stats() {
        return database.read("counting the registry", handle -> handle.createQuery("""
                        SELECT (SELECT count(*) FROM skills) AS skills,
                               (SELECT count(*) FROM skill_versions) AS versions,
                               (SELECT count(*) FROM namespaces) AS namespaces,
                               (SELECT count(DISTINCT taxonomy_path) FROM skills WHERE taxonomy_path <> '') AS categories,
                               (SELECT count(*) FROM tags) AS tags,
                               (SELECT count(*) FROM blobs) AS blobs,
                               (SELECT coalesce(sum(size), 0) FROM blobs) AS blob_bytes,
                               (SELECT coalesce(sum(installs), 0) FROM skills) AS installs""")
                .map((rs, ctx) -> new RegistryStats(rs.getLong("skills"), rs.getLong("versions"),
                        rs.getLong("namespaces"), rs.getLong("categories"), rs.getLong("tags"), rs.getLong("blobs"),
                        rs.getLong("blob_bytes"), rs.getLong("installs")))
                .one());
    }
}
