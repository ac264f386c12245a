package dev.skillbase.store;

import dev.skillbase.registry.DiscoverableSkill;
import dev.skillbase.registry.SkillRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the discovery indexes list, in a bounded number of queries whatever the number of skills: one for the skills
 * (at most a limit), and one per {@value #FILE_CHUNK} skills for the files of their latest versions. A skill is listed
 * when it is public in a public namespace, active or deprecated, and has a version not yanked. Thread-safe.
 */
public final class DiscoveryReader {
    static final int FILE_CHUNK = 1000;

    private final Database database;

    public DiscoveryReader(Database database) {
        this.database = database;
    }

    /**
     * The listed skills, sorted by name (byte order), at most {@code limit}. Each name appears once: when several
     * namespaces hold it, the skill of the namespace that sorts first (byte order) wins.
     *
     * @param namespace only this namespace's skills
     * @param name only the skill of this name
     */
    public List<DiscoverableSkill> skills(Optional<String> namespace, Optional<String> name, int limit) {
        Dialect dialect = database.dialect();
        String where = namespace.map(ns -> " AND n.name = :namespace").orElse("")
                + name.map(n -> " AND s.name = :name").orElse("");
        String sql = """
                SELECT id, namespace, name, title, description, version, archive_digest FROM (
                    SELECT s.id, n.name AS namespace, s.name, s.title, s.description, v.version, v.archive_digest,
                           row_number() OVER (PARTITION BY s.name ORDER BY %s) AS pick
                    FROM skills s
                    JOIN namespaces n ON n.id = s.namespace_id
                    JOIN skill_versions v ON v.skill_id = s.id AND v.version = s.latest_version
                    WHERE s.status IN ('active', 'deprecated') AND s.visibility = 'public'
                      AND n.visibility = 'public'%s
                ) listed
                WHERE pick = 1
                ORDER BY %s
                LIMIT :limit""".formatted(dialect.byteOrder("n.name"), where, dialect.byteOrder("name"));
        return database.read("reading the discovery index", handle -> {
            var query = handle.createQuery(sql).bind("limit", limit);
            namespace.ifPresent(ns -> query.bind("namespace", ns));
            name.ifPresent(n -> query.bind("name", n));
            return query.map((rs, ctx) -> new DiscoverableSkill(Columns.uuid(rs, "id", ctx),
                            new SkillRef(rs.getString("namespace"), rs.getString("name")), rs.getString("title"),
                            rs.getString("description"), rs.getString("version"), rs.getString("archive_digest")))
                    .list();
        });
    }

    /** The file paths of each skill's latest version, sorted; by skill id. */
    public Map<UUID, List<String>> latestFiles(List<UUID> skillIds) {
        Map<UUID, List<String>> files = new LinkedHashMap<>();
        for (int from = 0; from < skillIds.size(); from += FILE_CHUNK) {
            List<UUID> chunk = new ArrayList<>(skillIds.subList(from, Math.min(skillIds.size(), from + FILE_CHUNK)));
            database.read("reading the files of the discovery index", handle -> {
                handle.createQuery("""
                                SELECT v.skill_id, f.path
                                FROM skill_versions v
                                JOIN skills s ON s.id = v.skill_id AND s.latest_version = v.version
                                JOIN version_files f ON f.version_id = v.id
                                WHERE v.skill_id IN (<ids>)
                                ORDER BY\s""" + database.dialect().byteOrder("f.path"))
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> Map.entry(Columns.uuid(rs, "skill_id", ctx), rs.getString("path")))
                        .forEach(e -> files.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
                return null;
            });
        }
        return files;
    }
}
