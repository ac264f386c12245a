package dev.skillbase.store;

import dev.skillbase.registry.RegistryStats;
import dev.skillbase.registry.Viewer;

/**
 * Registry-wide counts. A category is a distinct non-empty taxonomy path ({@code development/languages/python} and
 * {@code development/testing} are two categories). A viewer who may not see everything gets the figures of the
 * skills listed to them only: namespaces, tags, versions, stored files (and archives) and installs of those skills. Thread-safe.
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

    /** The figures of what {@code viewer} may list; {@link #stats()} for a viewer who sees everything. */
    public RegistryStats stats(Viewer viewer) {
        if (viewer.kind() == Viewer.Kind.EVERYTHING) {
            return stats();
        }
        VisibilityFilter visible = VisibilityFilter.listed(viewer);
        return database.read("counting the registry for a viewer", handle -> handle.createQuery("""
                        WITH visible AS (
                            SELECT s.id, s.namespace_id, s.taxonomy_path, s.installs
                            FROM skills s JOIN namespaces n ON n.id = s.namespace_id
                            WHERE %s),
                        visible_blobs AS (
                            SELECT f.blob_digest AS digest
                            FROM version_files f JOIN skill_versions v ON v.id = f.version_id
                            WHERE v.skill_id IN (SELECT id FROM visible)
                            UNION
                            SELECT v.archive_digest FROM skill_versions v
                            WHERE v.skill_id IN (SELECT id FROM visible))
                        SELECT (SELECT count(*) FROM visible) AS skills,
                               (SELECT count(*) FROM skill_versions v
                                 WHERE v.skill_id IN (SELECT id FROM visible)) AS versions,
                               (SELECT count(DISTINCT namespace_id) FROM visible) AS namespaces,
                               (SELECT count(DISTINCT taxonomy_path) FROM visible
                                 WHERE taxonomy_path <> '') AS categories,
                               (SELECT count(DISTINCT t.tag_id) FROM skill_tags t
                                 WHERE t.skill_id IN (SELECT id FROM visible)) AS tags,
                               (SELECT count(*) FROM visible_blobs) AS blobs,
                               (SELECT coalesce(sum(b.size), 0) FROM blobs b
                                 WHERE b.digest IN (SELECT digest FROM visible_blobs)) AS blob_bytes,
                               (SELECT coalesce(sum(installs), 0) FROM visible) AS installs""".formatted(visible.where()))
                .bindMap(visible.parameters())
                .map((rs, ctx) -> new RegistryStats(rs.getLong("skills"), rs.getLong("versions"),
                        rs.getLong("namespaces"), rs.getLong("categories"), rs.getLong("tags"), rs.getLong("blobs"),
                        rs.getLong("blob_bytes"), rs.getLong("installs")))
                .one());
    }
}
