package dev.skillbase.store;

import dev.skillbase.registry.Installation;
import dev.skillbase.registry.NewInstallation;
import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.NoSuchVersionException;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The installations users record, one row per (user, skill, agent, scope), and each skill's {@code installs}
 * counter: the number of distinct users with at least one installation of it. Every change takes the skill's
 * writer lock first (as publishing does) and recounts in the same transaction, so concurrent requests on SQLite and
 * PostgreSQL neither lose nor double a count. Thread-safe.
 */
public final class InstallationStore {
    private static final String SELECT = """
            SELECT n.name AS namespace_name, s.name AS skill_name, s.latest_version, s.installs AS skill_installs,
                   i.version, i.agent, i.scope, i.auto_update, i.installed_at, i.updated_at, i.last_used_at,
                   i.reinstalls, i.updates
            FROM installations i JOIN skills s ON s.id = i.skill_id JOIN namespaces n ON n.id = s.namespace_id""";

    private final Database database;
    private final Clock clock;

    public InstallationStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records the installation: creates it, or, when the user has one of this skill for this agent and scope,
     * updates its version and auto-update flag and counts a reinstall (same version) or an update (another one).
     *
     * @throws NoSuchSkillException when the skill does not exist
     * @throws NoSuchVersionException when the skill has no such version
     */
    public Installation.Recorded record(long userId, SkillRef ref, NewInstallation installation) {
        return database.write("recording an installation of " + ref, handle -> {
            database.dialect().lockSkill(handle, ref.toString());
            UUID skillId = skillId(handle, ref);
            boolean versionExists = handle.createQuery(
                            "SELECT count(*) FROM skill_versions WHERE skill_id = :skill AND version = :version")
                    .bind("skill", skillId).bind("version", installation.version()).mapTo(Long.class).one() > 0;
            if (!versionExists) {
                throw new NoSuchVersionException(ref, installation.version());
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            int changed = handle.createUpdate("""
                            UPDATE installations SET
                                reinstalls = reinstalls + CASE WHEN version = :version THEN 1 ELSE 0 END,
                                updates = updates + CASE WHEN version = :version THEN 0 ELSE 1 END,
                                updated_at = CASE WHEN version = :version AND auto_update = :auto THEN updated_at
                                                  ELSE :now END,
                                version = :version, auto_update = :auto, last_used_at = :now
                            WHERE user_id = :user AND skill_id = :skill AND agent = :agent AND scope = :scope""")
                    .bindMap(key(userId, skillId, installation.agent(), installation.scope()))
                    .bind("version", installation.version()).bind("auto", installation.autoUpdate())
                    .bind("now", now).execute();
            if (changed == 0) {
                handle.createUpdate("""
                                INSERT INTO installations (user_id, skill_id, agent, scope, version, auto_update,
                                                           installed_at, updated_at, last_used_at)
                                VALUES (:user, :skill, :agent, :scope, :version, :auto, :now, :now, :now)""")
                        .bindMap(key(userId, skillId, installation.agent(), installation.scope()))
                        .bind("version", installation.version()).bind("auto", installation.autoUpdate())
                        .bind("now", now).execute();
            }
            recount(handle, skillId);
            Installation stored = handle.createQuery(SELECT + " WHERE i.user_id = :user AND i.skill_id = :skill"
                            + " AND i.agent = :agent AND i.scope = :scope")
                    .bindMap(key(userId, skillId, installation.agent(), installation.scope()))
                    .map(InstallationStore::map).one();
            return new Installation.Recorded(stored, changed == 0);
        });
    }

    /**
     * Removes the user's installations of the skill: the one for {@code agent} and {@code scope}, or, for an empty
     * one, every agent or scope.
     *
     * @return how many were removed (0 when the skill does not exist)
     */
    public int remove(long userId, SkillRef ref, Optional<String> agent, Optional<String> scope) {
        return database.write("removing an installation of " + ref, handle -> {
            database.dialect().lockSkill(handle, ref.toString());
            Optional<UUID> skillId = findSkillId(handle, ref);
            if (skillId.isEmpty()) {
                return 0;
            }
            var delete = handle.createUpdate("DELETE FROM installations WHERE user_id = :user AND skill_id = :skill"
                            + agent.map(a -> " AND agent = :agent").orElse("")
                            + scope.map(a -> " AND scope = :scope").orElse(""))
                    .bind("user", userId).bind("skill", skillId.get());
            agent.ifPresent(a -> delete.bind("agent", a));
            scope.ifPresent(a -> delete.bind("scope", a));
            int removed = delete.execute();
            if (removed > 0) {
                recount(handle, skillId.get());
            }
            return removed;
        });
    }

    /**
     * The user's installations of skills {@code viewer} may read by name, by skill, then agent and scope. An
     * installation of a skill the user can no longer see is kept (and counted) but not listed.
     */
    public Page<Installation> list(long userId, Viewer viewer, int limit, int offset) {
        VisibilityFilter visible = VisibilityFilter.readable(viewer);
        String where = " WHERE i.user_id = :user AND " + visible.where();
        return database.read("listing the installations of user " + userId, handle -> {
            long total = handle.createQuery("""
                            SELECT count(*) FROM installations i JOIN skills s ON s.id = i.skill_id
                            JOIN namespaces n ON n.id = s.namespace_id""" + where)
                    .bindMap(visible.parameters()).bind("user", userId).mapTo(Long.class).one();
            var items = handle.createQuery(SELECT + where + " ORDER BY " + database.dialect().byteOrder("n.name")
                            + ", " + database.dialect().byteOrder("s.name")
                            + ", i.agent, i.scope LIMIT :limit OFFSET :offset")
                    .bindMap(visible.parameters()).bind("user", userId).bind("limit", limit).bind("offset", offset)
                    .map(InstallationStore::map).list();
            return new Page<>(items, total, limit, offset);
        });
    }

    private static java.util.Map<String, Object> key(long userId, UUID skillId, String agent, String scope) {
        return java.util.Map.of("user", userId, "skill", skillId, "agent", agent, "scope", scope);
    }

    /** Sets the skill's counter to the distinct users with an installation of it. */
    private static void recount(Handle handle, UUID skillId) {
        handle.createUpdate("""
                        UPDATE skills SET installs = (SELECT count(DISTINCT user_id) FROM installations
                                                      WHERE skill_id = :skill)
                        WHERE id = :skill""")
                .bind("skill", skillId).execute();
    }

    private static UUID skillId(Handle handle, SkillRef ref) {
        return findSkillId(handle, ref).orElseThrow(() -> new NoSuchSkillException(ref));
    }

    static Optional<UUID> findSkillId(Handle handle, SkillRef ref) {
        return handle.createQuery("""
                        SELECT s.id FROM skills s JOIN namespaces n ON n.id = s.namespace_id
                        WHERE n.name = :namespace AND s.name = :name""")
                .bind("namespace", ref.namespace()).bind("name", ref.name())
                .map((rs, ctx) -> Columns.uuid(rs, "id", ctx)).findOne();
    }

    private static Installation map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Installation(new SkillRef(rs.getString("namespace_name"), rs.getString("skill_name")),
                rs.getString("version"), rs.getString("agent"), rs.getString("scope"), rs.getBoolean("auto_update"),
                Columns.instant(rs, "installed_at", ctx), Columns.instant(rs, "updated_at", ctx),
                Columns.instant(rs, "last_used_at", ctx), rs.getLong("reinstalls"), rs.getLong("updates"),
                Columns.optional(rs, "latest_version"), rs.getLong("skill_installs"));
    }
}
