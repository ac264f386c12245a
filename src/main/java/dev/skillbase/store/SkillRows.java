package dev.skillbase.store;

import dev.skillbase.registry.Rating;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The columns a skill summary is read from, and its mapping; shared by listing and by search (whose queries add
 * their own ranking column). Queries using it alias skills as {@code s} and namespaces as {@code n}.
 */
public final class SkillRows {
    /** The select list of a summary. */
    public static final String COLUMNS = """
            s.id, n.name AS namespace, s.name, s.title, s.description, s.taxonomy_path, s.status, s.latest_version,
            s.installs, s.created_at, s.updated_at, s.rating, s.rating_count""";
    /** Skills joined to their namespaces. */
    public static final String FROM = "skills s JOIN namespaces n ON n.id = s.namespace_id";

    private SkillRows() {
    }

    /** A summary still without its tags, and the skill's key to fetch them. */
    public record Row(UUID id, SkillSummary summary) {
    }

    public static Row map(ResultSet rs, StatementContext ctx) throws SQLException {
        SkillSummary summary = new SkillSummary(
                new SkillRef(rs.getString("namespace"), rs.getString("name")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("taxonomy_path"),
                rs.getString("status"),
                Columns.optional(rs, "latest_version"),
                List.of(),
                rs.getLong("installs"),
                Columns.instant(rs, "created_at", ctx),
                Columns.instant(rs, "updated_at", ctx),
                rating(rs));
        return new Row(Columns.uuid(rs, "id", ctx), summary);
    }

    /** The rating of the row's {@code rating} and {@code rating_count} columns. */
    static Rating rating(ResultSet rs) throws SQLException {
        long count = rs.getLong("rating_count");
        double average = rs.getDouble("rating");
        return count == 0 || rs.wasNull() ? Rating.NONE : new Rating(Optional.of(average), count);
    }

    /** The summaries of {@code rows} with their tags, fetched in one query. */
    public static List<SkillSummary> withTags(Handle handle, List<Row> rows) {
        Map<UUID, List<String>> tags = TagRows.of(handle, rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> {
            SkillSummary s = row.summary();
            return new SkillSummary(s.ref(), s.title(), s.description(), s.taxonomyPath(), s.status(),
                    s.latestVersion(), tags.getOrDefault(row.id(), List.of()), s.installs(), s.createdAt(),
                    s.updatedAt(), s.rating());
        }).toList();
    }
}
