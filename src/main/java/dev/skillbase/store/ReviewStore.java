package dev.skillbase.store;

import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.registry.InvalidReviewException;
import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.Review;
import dev.skillbase.registry.ReviewInput;
import dev.skillbase.registry.ReviewNotFoundException;
import dev.skillbase.registry.SkillRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reviews, one per user per skill, and each skill's {@code rating} (the mean) and {@code rating_count}. Every write
 * takes the skill's writer lock first (as publishing and installations do) and recomputes both figures in its own
 * transaction, so concurrent reviews neither lose nor double one. A review removed by someone other than its author
 * (a moderator) is recorded in the audit log in the same transaction. Thread-safe.
 */
public final class ReviewStore {
    private static final String SELECT = """
            SELECT r.id, n.name AS namespace_name, s.name AS skill_name, u.login, r.rating, r.title, r.body,
                   r.version, r.created_at, r.updated_at
            FROM reviews r JOIN skills s ON s.id = r.skill_id JOIN namespaces n ON n.id = s.namespace_id
            JOIN users u ON u.id = r.user_id""";

    private final Database database;
    private final Clock clock;

    public ReviewStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Saves the user's review of the skill: creates it, or replaces the one they wrote before.
     *
     * @throws NoSuchSkillException when the skill does not exist
     * @throws InvalidReviewException when the version reviewed is not one of the skill's
     */
    public Review.Saved save(long userId, SkillRef ref, ReviewInput input) {
        return database.write("saving a review of " + ref, handle -> {
            UUID skillId = lockedSkill(handle, ref, input);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            int replaced = handle.createUpdate("""
                            UPDATE reviews SET rating = :rating, title = :title, body = :body, version = :version,
                                               updated_at = :now
                            WHERE skill_id = :skill AND user_id = :user""")
                    .bindMap(values(input)).bind("skill", skillId).bind("user", userId).bind("now", now).execute();
            if (replaced == 0) {
                handle.createUpdate("""
                                INSERT INTO reviews (skill_id, user_id, rating, title, body, version, created_at,
                                                     updated_at)
                                VALUES (:skill, :user, :rating, :title, :body, :version, :now, :now)""")
                        .bindMap(values(input)).bind("skill", skillId).bind("user", userId).bind("now", now)
                        .execute();
            }
            rerate(handle, skillId);
            Review saved = handle.createQuery(SELECT + " WHERE r.skill_id = :skill AND r.user_id = :user")
                    .bind("skill", skillId).bind("user", userId).map(ReviewStore::map).one();
            return new Review.Saved(saved, replaced == 0);
        });
    }

    /**
     * Replaces review {@code id} of the skill with {@code input}.
     *
     * @throws ReviewNotFoundException when the skill has no such review
     */
    public Review replace(SkillRef ref, long id, ReviewInput input) {
        return database.write("changing review " + id + " of " + ref, handle -> {
            UUID skillId = lockedSkill(handle, ref, input);
            int changed = handle.createUpdate("""
                            UPDATE reviews SET rating = :rating, title = :title, body = :body, version = :version,
                                               updated_at = :now
                            WHERE id = :id AND skill_id = :skill""")
                    .bindMap(values(input)).bind("id", id).bind("skill", skillId)
                    .bind("now", clock.instant().truncatedTo(ChronoUnit.MILLIS)).execute();
            if (changed == 0) {
                throw new ReviewNotFoundException(ref, id);
            }
            rerate(handle, skillId);
            return find(handle, ref, id).orElseThrow();
        });
    }

    /**
     * Removes review {@code id} of the skill. When {@code moderated}, the removal is appended to the audit log
     * ({@code review.remove}, with the author, rating and title) in the same transaction.
     *
     * @throws ReviewNotFoundException when the skill has no such review
     */
    public Review remove(SkillRef ref, long id, boolean moderated) {
        return database.write("removing review " + id + " of " + ref, handle -> {
            database.dialect().lockSkill(handle, ref.toString());
            Review review = find(handle, ref, id).orElseThrow(() -> new ReviewNotFoundException(ref, id));
            UUID skillId = InstallationStore.findSkillId(handle, ref).orElseThrow();
            handle.createUpdate("DELETE FROM reviews WHERE id = :id").bind("id", id).execute();
            rerate(handle, skillId);
            if (moderated) {
                AuditLog.append(handle, AuditEntry.skill("review.remove", ref, Map.of("review_id", id,
                        "author", review.author(), "rating", review.rating(), "title", review.title())));
            }
            return review;
        });
    }

    /** Review {@code id} of the skill, if it has one. */
    public Optional<Review> find(SkillRef ref, long id) {
        return database.read("reading review " + id + " of " + ref, handle -> find(handle, ref, id));
    }

    /** The skill's reviews, most recently written first. */
    public Page<Review> list(SkillRef ref, int limit, int offset) {
        return database.read("listing the reviews of " + ref, handle -> {
            String where = " WHERE n.name = :namespace AND s.name = :name";
            long total = handle.createQuery("""
                            SELECT count(*) FROM reviews r JOIN skills s ON s.id = r.skill_id
                            JOIN namespaces n ON n.id = s.namespace_id""" + where)
                    .bind("namespace", ref.namespace()).bind("name", ref.name()).mapTo(Long.class).one();
            List<Review> items = handle.createQuery(SELECT + where
                            + " ORDER BY r.updated_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
                    .bind("namespace", ref.namespace()).bind("name", ref.name())
                    .bind("limit", limit).bind("offset", offset)
                    .map(ReviewStore::map).list();
            return new Page<>(items, total, limit, offset);
        });
    }

    private static Optional<Review> find(Handle handle, SkillRef ref, long id) {
        return handle.createQuery(SELECT + " WHERE r.id = :id AND n.name = :namespace AND s.name = :name")
                .bind("id", id).bind("namespace", ref.namespace()).bind("name", ref.name())
                .map(ReviewStore::map).findOne();
    }

    /** The skill's id under its writer lock, after checking that the version reviewed is one of its versions. */
    private UUID lockedSkill(Handle handle, SkillRef ref, ReviewInput input) {
        database.dialect().lockSkill(handle, ref.toString());
        UUID skillId = InstallationStore.findSkillId(handle, ref).orElseThrow(() -> new NoSuchSkillException(ref));
        if (input.version().isPresent() && VersionRows.find(handle, ref, input.version().get()).isEmpty()) {
            throw new InvalidReviewException(List.of(new InvalidReviewException.FieldProblem("version",
                    "unknown-version", "skill " + ref + " has no version " + input.version().get())));
        }
        return skillId;
    }

    private static Map<String, Object> values(ReviewInput input) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("rating", input.rating());
        values.put("title", input.title());
        values.put("body", input.body());
        values.put("version", input.version().orElse(null));
        return values;
    }

    /** Sets the skill's mean rating and number of reviews from its reviews. */
    private static void rerate(Handle handle, UUID skillId) {
        handle.createUpdate("""
                        UPDATE skills SET rating = (SELECT avg(rating) FROM reviews WHERE skill_id = :skill),
                                          rating_count = (SELECT count(*) FROM reviews WHERE skill_id = :skill)
                        WHERE id = :skill""")
                .bind("skill", skillId).execute();
    }

    private static Review map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Review(rs.getLong("id"), new SkillRef(rs.getString("namespace_name"), rs.getString("skill_name")),
                rs.getString("login"), rs.getInt("rating"), rs.getString("title"), rs.getString("body"),
                Columns.optional(rs, "version"), Columns.instant(rs, "created_at", ctx),
                Columns.instant(rs, "updated_at", ctx));
    }
}
