package dev.skillbase.store;

import dev.skillbase.registry.Page;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillSummary;
import java.util.List;

/** Lists skills with filters, a whitelisted order and a page. Thread-safe. */
public final class SkillLister {
    private final Database database;

    public SkillLister(Database database) {
        this.database = database;
    }

    public Page<SkillSummary> list(SkillQuery query) {
        SkillFilter filter = SkillFilter.of(query);
        return database.read("listing skills", handle -> {
            List<SkillRows.Row> rows = handle.createQuery("SELECT " + SkillRows.COLUMNS + " FROM " + SkillRows.FROM
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

    private static String orderBy(SkillQuery.Sort sort) {
        return switch (sort) {
            case NAME -> "s.name, n.name";
            case UPDATED -> "s.updated_at DESC, s.name, n.name";
            case CREATED -> "s.created_at DESC, s.name, n.name";
        };
    }
}
