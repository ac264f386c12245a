package dev.skillbase.store;

import dev.skillbase.registry.PublishedSkill;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillRecord;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.registry.Viewer;
import dev.skillbase.skill.Version;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads skills, versions and files. Thread-safe. */
public final class SkillReader {
    private static final Comparator<VersionInfo> NEWEST_FIRST =
            Comparator.comparing((VersionInfo v) -> Version.parse(v.version())).reversed();
    private final Database database;

    public SkillReader(Database database) {
        this.database = database;
    }

    /** The skill as the database's owner sees it. */
    public Optional<SkillDetails> skill(SkillRef ref) {
        return skill(ref, Viewer.EVERYTHING);
    }

    /** The skill, when {@code viewer} may read it by name (public and unlisted, or as a member). */
    public Optional<SkillDetails> skill(SkillRef ref, Viewer viewer) {
        return find(ref, VisibilityFilter.readable(viewer)).map(SkillRecord::details);
    }

    /** The skill whoever asks, with its namespace's visibility, for callers that check the reader themselves. */
    public Optional<SkillRecord> record(SkillRef ref) {
        return find(ref, VisibilityFilter.readable(Viewer.EVERYTHING));
    }

    private Optional<SkillRecord> find(SkillRef ref, VisibilityFilter visible) {
        return database.read("reading skill " + ref, handle -> handle.createQuery("""
                        SELECT s.id, s.name, s.title, s.description, s.taxonomy_path, s.status, s.visibility,
                               s.license, s.source_url, s.homepage, s.repo, s.latest_version, s.installs,
                               s.created_at, s.updated_at, s.rating, s.rating_count, s.executions,
                               s.executions_succeeded, n.visibility AS namespace_visibility,
                               (SELECT count(*) FROM skill_versions v WHERE v.skill_id = s.id) AS version_count
                        FROM skills s JOIN namespaces n ON n.id = s.namespace_id
                        WHERE n.name = :namespace AND s.name = :name AND\s""" + visible.where())
                .bindMap(visible.parameters())
                .bind("namespace", ref.namespace())
                .bind("name", ref.name())
                .map((rs, ctx) -> new SkillRecord(details(handle, ref, rs, ctx),
                        "public".equals(rs.getString("namespace_visibility"))))
                .findOne());
    }

    private static SkillDetails details(Handle handle, SkillRef ref, ResultSet rs, StatementContext ctx)
            throws SQLException {
        UUID id = Columns.uuid(rs, "id", ctx);
        Optional<VersionInfo> latest = Columns.optional(rs, "latest_version")
                .flatMap(version -> VersionRows.find(handle, ref, version))
                .map(StoredVersion::info);
        return new SkillDetails(id, ref, rs.getString("title"), rs.getString("description"),
                rs.getString("taxonomy_path"), rs.getString("status"), rs.getString("visibility"),
                Columns.optional(rs, "license"), Columns.optional(rs, "source_url"), Columns.optional(rs, "homepage"),
                Columns.optional(rs, "repo"),
                TagRows.of(handle, List.of(id)).getOrDefault(id, List.of()), latest, rs.getLong("installs"),
                rs.getLong("version_count"), rs.getLong("executions"), rs.getLong("executions_succeeded"),
                Columns.instant(rs, "created_at", ctx),
                Columns.instant(rs, "updated_at", ctx), SkillRows.rating(rs));
    }

    /** Newest (highest semver) first. */
    public List<VersionInfo> versions(SkillRef ref) {
        return database.read("listing the versions of " + ref, handle -> VersionRows.all(handle, ref)).stream()
                .map(StoredVersion::info)
                .sorted(NEWEST_FIRST)
                .toList();
    }

    /** Every skill of a namespace with its versions (highest first) and taxonomy path, in one query. */
    public Map<SkillRef, PublishedSkill> published(String namespace) {
        Map<String, String> taxonomy = new HashMap<>();
        Map<String, List<VersionInfo>> versions = new HashMap<>();
        database.read("listing the versions of namespace " + namespace, handle -> handle.createQuery("""
                        SELECT s.name AS skill_name, s.taxonomy_path, v.id, v.skill_id, v.version, v.content_digest,
                               v.archive_digest, v.size, v.file_count, v.published_at, v.published_by, v.yanked
                        FROM skills s JOIN namespaces n ON n.id = s.namespace_id
                        LEFT JOIN skill_versions v ON v.skill_id = s.id
                        WHERE n.name = :namespace""")
                .bind("namespace", namespace)
                .map((rs, ctx) -> {
                    String name = rs.getString("skill_name");
                    taxonomy.put(name, rs.getString("taxonomy_path"));
                    List<VersionInfo> list = versions.computeIfAbsent(name, n -> new ArrayList<>());
                    if (rs.getString("version") != null) {
                        list.add(VersionRows.map(rs, ctx).info());
                    }
                    return name;
                })
                .list());
        Map<SkillRef, PublishedSkill> published = new HashMap<>();
        versions.forEach((name, list) -> published.put(new SkillRef(namespace, name), new PublishedSkill(
                list.stream().sorted(NEWEST_FIRST).toList(), taxonomy.get(name))));
        return published;
    }

    public Optional<VersionDetails> version(SkillRef ref, String version) {
        return database.read("reading " + ref + "@" + version, handle -> VersionRows.find(handle, ref, version)
                .map(stored -> details(handle, ref, stored)));
    }

    private static VersionDetails details(Handle handle, SkillRef ref, StoredVersion stored) {
        Map<String, Object> row = handle.createQuery(
                        "SELECT frontmatter, body, changelog FROM skill_versions WHERE id = :id")
                .bind("id", stored.id())
                .mapToMap()
                .one();
        List<VersionDetails.FileEntry> files = handle.createQuery("""
                        SELECT f.path, b.size, f.blob_digest, f.executable
                        FROM version_files f JOIN blobs b ON b.digest = f.blob_digest
                        WHERE f.version_id = :id ORDER BY f.path""")
                .bind("id", stored.id())
                .map((rs, ctx) -> new VersionDetails.FileEntry(rs.getString("path"), rs.getLong("size"),
                        rs.getString("blob_digest"), rs.getBoolean("executable")))
                .list();
        return new VersionDetails(ref, stored.info(), String.valueOf(row.get("frontmatter")),
                (String) row.get("body"), Optional.ofNullable((String) row.get("changelog")), files);
    }

    /** The bytes of one file of one version. */
    public Optional<byte[]> file(SkillRef ref, String version, String path) {
        return database.read("reading " + path + " of " + ref + "@" + version, handle -> handle.createQuery("""
                        SELECT b.content
                        FROM version_files f
                        JOIN blobs b ON b.digest = f.blob_digest
                        JOIN skill_versions v ON v.id = f.version_id
                        JOIN skills s ON s.id = v.skill_id
                        JOIN namespaces n ON n.id = s.namespace_id
                        WHERE n.name = :namespace AND s.name = :name AND v.version = :version AND f.path = :path""")
                .bind("namespace", ref.namespace())
                .bind("name", ref.name())
                .bind("version", version)
                .bind("path", path)
                .mapTo(byte[].class)
                .findOne());
    }

    /** The deterministic archive of one version. */
    public Optional<byte[]> archive(SkillRef ref, String version) {
        return database.read("reading the archive of " + ref + "@" + version, handle ->
                VersionRows.find(handle, ref, version).map(stored -> handle.createQuery(
                                "SELECT content FROM blobs WHERE digest = :digest")
                        .bind("digest", stored.info().archiveDigest())
                        .mapTo(byte[].class)
                        .one()));
    }
}
