package dev.skillbase.store;

import dev.skillbase.registry.Facets;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.Rating;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillSummary;
import java.util.List;

/**
 * Lists skills with filters, a whitelisted order and a page. On SQLite, a list without filters (other than
 * visibility) walks the index of its order ({@code INDEXED BY}): the planner would rather read every skill and sort
 * them, 400 times slower for {@code sort=updated} on 10,000 skills. With a filter, the planner's choice stands (the
 * filter's index, then a sort of what it selects). Thread-safe.
 */
public final class SkillLister {
    private final Database database;

    public SkillLister(Database database) {
        this.database = database;
    }

    public Page<SkillSummary> list(SkillQuery query) {
        SkillFilter filter = SkillFilter.of(query);
        String from = database.dialect() == Dialect.SQLITE && unfiltered(query)
                ? "skills s INDEXED BY " + sqliteIndex(query.sort()) + " JOIN namespaces n ON n.id = s.namespace_id"
                : SkillRows.FROM;
        return database.read("listing skills", handle -> {
            List<SkillRows.Row> rows = handle.createQuery("SELECT " + SkillRows.COLUMNS + " FROM " + from
                            + " WHERE " + filter.where() + " ORDER BY " + orderBy(query.sort())
                            + " LIMIT :limit OFFSET :offset")
                    .bindMap(filter.parameters())
                    .bind("limit", query.limit())
                    .bind("offset", query.offset())
                    .map(SkillRows::map)
                    .list();
            long total = handle.createQuery("SELECT count(*) FROM " + SkillRows.FROM + " WHERE " + filter.where())
                    .bindMap(filter.parameters())
                    .mapTo(Long.class)
                    .one();
            return new Page<>(SkillRows.withTags(handle, rows), total, query.limit(), query.offset());
        });
    }

    /** The tag and category counts of every skill {@code query} lists. */
    public Facets facets(SkillQuery query) {
        return FacetCounts.count(database, SkillFilter.of(query));
    }

    private static boolean unfiltered(SkillQuery query) {
        return query.namespace().isEmpty() && query.status().isEmpty() && query.tag().isEmpty()
                && query.category().isEmpty();
    }

    /** The index that holds skills in (the leading part of) the order. */
    private static String sqliteIndex(SkillQuery.Sort sort) {
        return switch (sort) {
            case NAME -> "skills_name";
            case UPDATED -> "skills_updated";
            case CREATED -> "skills_created";
            case RATING -> "skills_rating";
        };
    }

    private static String orderBy(SkillQuery.Sort sort) {
        return switch (sort) {
            case NAME -> "s.name, n.name";
            case UPDATED -> "s.updated_at DESC, s.name, n.name";
            case CREATED -> "s.created_at DESC, s.name, n.name";
            case RATING -> Rating.smoothedSql() + " DESC, s.rating_count DESC, s.name, n.name";
        };
    }
}
