package dev.skillbase.store;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Queries over {@code skill_versions}. */
final class VersionRows {
    private static final String SELECT = """
            SELECT v.id, v.skill_id, v.version, v.content_digest, v.archive_digest, v.size, v.file_count,
                   v.published_at, v.published_by, v.yanked
            FROM skill_versions v
            JOIN skills s ON s.id = v.skill_id
            JOIN namespaces n ON n.id = s.namespace_id
            WHERE n.name = :namespace AND s.name = :name""";

    private VersionRows() {
    }

    static Optional<StoredVersion> find(Handle handle, SkillRef ref, String version) {
        return handle.createQuery(SELECT + " AND v.version = :version")
                .bind("namespace", ref.namespace())
                .bind("name", ref.name())
                .bind("version", version)
                .map(VersionRows::map)
                .findOne();
    }

    /** Every version of a skill, in no particular order. */
    static List<StoredVersion> all(Handle handle, SkillRef ref) {
        return handle.createQuery(SELECT)
                .bind("namespace", ref.namespace())
                .bind("name", ref.name())
                .map(VersionRows::map)
                .list();
    }

    static StoredVersion map(ResultSet rs, StatementContext ctx) throws SQLException {
        VersionInfo info = new VersionInfo(
                rs.getString("version"),
                rs.getString("content_digest"),
                rs.getString("archive_digest"),
                rs.getLong("size"),
                rs.getInt("file_count"),
                Columns.instant(rs, "published_at", ctx),
                Columns.optional(rs, "published_by"),
                rs.getBoolean("yanked"));
        return new StoredVersion(rs.getLong("id"), Columns.uuid(rs, "skill_id", ctx), info);
    }
}
