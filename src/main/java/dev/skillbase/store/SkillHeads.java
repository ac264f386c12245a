package dev.skillbase.store;

import dev.skillbase.registry.SkillHead;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import java.util.List;

/**
 * The latest version's content digest of every skill of a namespace, in one query: what a sync compares its folder
 * with. Skills without a version (created, never published) have nothing to compare and are left out. Thread-safe.
 */
public final class SkillHeads {
    private final Database database;

    public SkillHeads(Database database) {
        this.database = database;
    }

    /** Every skill of {@code namespace} {@code viewer} may read that has a latest version, sorted by name. */
    public List<SkillHead> heads(String namespace, Viewer viewer) {
        VisibilityFilter visible = VisibilityFilter.readable(viewer);
        return database.read("reading the skills of namespace " + namespace, handle -> handle.createQuery("""
                        SELECT s.name, s.taxonomy_path, s.status, v.version, v.content_digest
                        FROM skills s JOIN namespaces n ON n.id = s.namespace_id
                        JOIN skill_versions v ON v.skill_id = s.id AND v.version = s.latest_version
                        WHERE n.name = :namespace AND """ + " " + visible.where() + " ORDER BY s.name")
                .bind("namespace", namespace)
                .bindMap(visible.parameters())
                .map((rs, ctx) -> new SkillHead(new SkillRef(namespace, rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list());
    }
}
