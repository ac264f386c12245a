package dev.skillbase.store;

import dev.skillbase.registry.Category;
import dev.skillbase.registry.TagCount;
import dev.skillbase.registry.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The skill tags and the taxonomy tree, counted over the skills a viewer may list. Thread-safe. */
public final class CatalogReader {
    private final Database database;

    public CatalogReader(Database database) {
        this.database = database;
    }

    /** Tags carried by at least one skill the viewer may list, most used first. */
    public List<TagCount> tags(Viewer viewer) {
        VisibilityFilter visible = VisibilityFilter.listed(viewer);
        return database.read("counting tags", handle -> handle.createQuery("""
                        SELECT t.name, t.category, count(*) AS skills
                        FROM tags t JOIN skill_tags st ON st.tag_id = t.id JOIN skills s ON s.id = st.skill_id
                        JOIN namespaces n ON n.id = s.namespace_id
                        WHERE\s""" + visible.where() + " GROUP BY t.name, t.category ORDER BY skills DESC, t.name")
                .bindMap(visible.parameters())
                .map((rs, ctx) -> new TagCount(rs.getString("name"), Optional.ofNullable(rs.getString("category")),
                        rs.getLong("skills")))
                .list());
    }

    /** The taxonomy tree: one root per first path segment, sorted by name. */
    public List<Category> categories(Viewer viewer) {
        VisibilityFilter visible = VisibilityFilter.listed(viewer);
        Map<String, Long> paths = new TreeMap<>();
        database.read("counting categories", handle -> handle.createQuery("SELECT s.taxonomy_path, count(*) AS skills"
                        + " FROM " + SkillRows.FROM + " WHERE s.taxonomy_path <> '' AND " + visible.where()
                        + " GROUP BY s.taxonomy_path")
                .bindMap(visible.parameters())
                .map((rs, ctx) -> Map.entry(rs.getString("taxonomy_path"), rs.getLong("skills")))
                .list()).forEach(e -> paths.put(e.getKey(), e.getValue()));
        return children("", paths);
    }

    private static List<Category> children(String parent, Map<String, Long> paths) {
        Map<String, Long> counts = new TreeMap<>();
        String prefix = parent.isEmpty() ? "" : parent + "/";
        paths.forEach((path, skills) -> {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                String rest = path.substring(prefix.length());
                String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                counts.merge(name, skills, Long::sum);
            }
        });
        List<Category> nodes = new ArrayList<>();
        counts.forEach((name, skills) -> nodes.add(
                new Category(name, prefix + name, skills, children(prefix + name, paths))));
        return nodes;
    }
}
