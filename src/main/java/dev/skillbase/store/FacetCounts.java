package dev.skillbase.store;

import dev.skillbase.registry.Facets;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Counts the tags and categories of the skills a query selects, the same SQL on both dialects. */
public final class FacetCounts {
    private FacetCounts() {
    }

    /**
     * The facets of the skills of {@code from} (skills as {@code s}, namespaces as {@code n}) that {@code where}
     * selects, {@link Facets#MAX} of each, most skills first, then by name.
     */
    public static Facets count(Handle handle, String from, String where, Map<String, Object> parameters) {
        List<Facets.Count> tags = handle.createQuery("SELECT t.name AS value, count(*) AS skills FROM " + from
                        + " JOIN skill_tags st ON st.skill_id = s.id JOIN tags t ON t.id = st.tag_id WHERE " + where
                        + " GROUP BY t.name ORDER BY skills DESC, t.name LIMIT " + Facets.MAX)
                .bindMap(parameters)
                .map((rs, ctx) -> new Facets.Count(rs.getString("value"), rs.getLong("skills")))
                .list();
        List<Facets.Count> categories = handle.createQuery("SELECT s.taxonomy_path AS value, count(*) AS skills FROM "
                        + from + " WHERE s.taxonomy_path <> '' AND " + where
                        + " GROUP BY s.taxonomy_path ORDER BY skills DESC, s.taxonomy_path LIMIT " + Facets.MAX)
                .bindMap(parameters)
                .map((rs, ctx) -> new Facets.Count(rs.getString("value"), rs.getLong("skills")))
                .list();
        return new Facets(tags, categories);
    }

    /** The facets of the skills {@code filter} selects (a list without search). */
    public static Facets count(Database database, SkillFilter filter) {
        return database.read("counting facets", handle -> count(handle, SkillRows.FROM, filter.where(),
                filter.parameters()));
    }
}
