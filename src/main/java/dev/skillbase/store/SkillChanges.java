package dev.skillbase.store;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillStamp;
import java.time.Instant;
import java.util.List;

/**
 * The skills whose record changed after a point in time, by the index on {@code skills.updated_at}: how a server
 * learns of changes made by other processes sharing its database. Every change that shows in a skill's record
 * (publish, create, edit, yank, archive) moves its {@code updated_at}. Thread-safe.
 */
public final class SkillChanges {
    private final Database database;

    public SkillChanges(Database database) {
        this.database = database;
    }

    /** At most {@code limit} skills changed after {@code since}, oldest change first. */
    public List<SkillStamp> since(Instant since, int limit) {
        return database.read("reading the skills changed since " + since, handle -> handle.createQuery("""
                        SELECT n.name AS namespace, s.name, s.updated_at
                        FROM skills s JOIN namespaces n ON n.id = s.namespace_id
                        WHERE s.updated_at > :since ORDER BY s.updated_at LIMIT :limit""")
                .bind("since", since).bind("limit", limit)
                .map((rs, ctx) -> new SkillStamp(new SkillRef(rs.getString("namespace"), rs.getString("name")),
                        Columns.instant(rs, "updated_at", ctx)))
                .list());
    }
}
