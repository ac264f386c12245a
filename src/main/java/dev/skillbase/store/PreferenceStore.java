package dev.skillbase.store;

import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.Preferences;
import dev.skillbase.registry.SkillRef;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Each user's preferences: one row of agents and scope, one row per skill turned on or off. Thread-safe. */
public final class PreferenceStore {
    private final Database database;
    private final Clock clock;

    public PreferenceStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The user's preferences, or {@link Preferences#defaults()} when they never set any. */
    public Preferences find(long userId) {
        return database.read("reading the preferences of user " + userId, handle -> find(handle, userId));
    }

    private Preferences find(Handle handle, long userId) {
        record Row(String agents, String scope, Instant updatedAt) {
        }
        Optional<Row> row = handle.createQuery(
                        "SELECT agents, scope, updated_at FROM preferences WHERE user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) -> new Row(rs.getString("agents"), rs.getString("scope"),
                        Columns.instant(rs, "updated_at", ctx)))
                .findOne();
        if (row.isEmpty()) {
            return Preferences.defaults();
        }
        List<SkillRef> enabled = new ArrayList<>();
        List<SkillRef> disabled = new ArrayList<>();
        handle.createQuery("""
                        SELECT n.name AS namespace_name, s.name AS skill_name, p.enabled
                        FROM skill_preferences p JOIN skills s ON s.id = p.skill_id
                        JOIN namespaces n ON n.id = s.namespace_id
                        WHERE p.user_id = :user ORDER BY\s""" + database.dialect().byteOrder("n.name") + ", "
                        + database.dialect().byteOrder("s.name"))
                .bind("user", userId)
                .map((rs, ctx) -> {
                    SkillRef ref = new SkillRef(rs.getString("namespace_name"), rs.getString("skill_name"));
                    (rs.getBoolean("enabled") ? enabled : disabled).add(ref);
                    return ref;
                })
                .list();
        List<String> agents = row.get().agents().isEmpty() ? List.of()
                : Arrays.asList(row.get().agents().split(","));
        return new Preferences(agents, row.get().scope(), enabled, disabled, Optional.of(row.get().updatedAt()));
    }

    /**
     * Replaces the user's preferences with {@code preferences} (its {@code updatedAt} is ignored) in one transaction.
     *
     * @return the preferences as stored
     * @throws NoSuchSkillException when a skill of the lists does not exist (nothing is changed)
     */
    public Preferences replace(long userId, Preferences preferences) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return database.write("saving the preferences of user " + userId, handle -> {
            handle.createUpdate("""
                            INSERT INTO preferences (user_id, agents, scope, updated_at)
                            VALUES (:user, :agents, :scope, :now)
                            ON CONFLICT (user_id) DO UPDATE SET agents = excluded.agents, scope = excluded.scope,
                                                                updated_at = excluded.updated_at""")
                    .bind("user", userId).bind("agents", String.join(",", preferences.agents()))
                    .bind("scope", preferences.scope()).bind("now", now).execute();
            handle.createUpdate("DELETE FROM skill_preferences WHERE user_id = :user").bind("user", userId).execute();
            insert(handle, userId, preferences.enabled(), true);
            insert(handle, userId, preferences.disabled(), false);
            return find(handle, userId);
        });
    }

    private static void insert(Handle handle, long userId, List<SkillRef> skills, boolean enabled) {
        for (SkillRef ref : skills) {
            UUID skillId = InstallationStore.findSkillId(handle, ref).orElseThrow(() -> new NoSuchSkillException(ref));
            handle.createUpdate("""
                            INSERT INTO skill_preferences (user_id, skill_id, enabled) VALUES (:user, :skill, :enabled)
                            ON CONFLICT (user_id, skill_id) DO UPDATE SET enabled = excluded.enabled""")
                    .bind("user", userId).bind("skill", skillId).bind("enabled", enabled).execute();
        }
    }
}
