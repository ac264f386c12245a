package dev.skillbase.audit;

import dev.skillbase.registry.Page;
import dev.skillbase.store.Database;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: append-only. Entries are only ever added, by {@link #append} inside the transaction of the change
 * they record (so a change that rolls back leaves no entry, and no change commits without one), and read by
 * {@link #list}. Nothing here or elsewhere updates or deletes an entry, and the database refuses it too (triggers in
 * migration V8). Thread-safe.
 */
public final class AuditLog {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, at, actor, action, target_type, target, namespace, details";

    private final Database database;

    public AuditLog(Database database) {
        this.database = database;
    }

    /**
     * Appends {@code entry}, made now by {@link AuditActor#current()}, on {@code handle}: call it inside the write
     * transaction of the change it records.
     */
    public static void append(Handle handle, AuditEntry entry) {
        handle.createUpdate("""
                        INSERT INTO audit_log (at, actor, action, target_type, target, namespace, details)
                        VALUES (:at, :actor, :action, :targetType, :target, :namespace, :details)""")
                .bind("at", Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .bind("actor", AuditActor.current())
                .bind("action", entry.action())
                .bind("targetType", entry.targetType())
                .bind("target", entry.target())
                .bind("namespace", entry.namespace().orElse(null))
                .bind("details", JSON.writeValueAsString(entry.details()))
                .execute();
    }

    /** The entries {@code query} selects, newest first, and how many there are in all. */
    public Page<AuditRecord> list(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        query.action().ifPresent(v -> condition(conditions, parameters, "action", v));
        query.targetType().ifPresent(v -> condition(conditions, parameters, "target_type", v));
        query.target().ifPresent(v -> condition(conditions, parameters, "target", v));
        query.namespace().ifPresent(v -> condition(conditions, parameters, "namespace", v));
        query.ownerOf().ifPresent(user -> {
            conditions.add("""
                    namespace IN (SELECT n.name FROM namespaces n JOIN memberships m ON m.namespace_id = n.id
                                  WHERE m.user_id = :owner AND m.role = 'owner')""");
            parameters.put("owner", user);
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return database.read("reading the audit log", handle -> {
            long total = handle.createQuery("SELECT count(*) FROM audit_log" + where).bindMap(parameters)
                    .mapTo(Long.class).one();
            List<AuditRecord> items = handle.createQuery("SELECT " + COLUMNS + " FROM audit_log" + where
                            + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                    .bindMap(parameters).bind("limit", query.limit()).bind("offset", query.offset())
                    .map((rs, ctx) -> new AuditRecord(rs.getLong("id"),
                            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "at", ctx),
                            rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                            rs.getString("target"), java.util.Optional.ofNullable(rs.getString("namespace")),
                            rs.getString("details")))
                    .list();
            return new Page<>(items, total, query.limit(), query.offset());
        });
    }

    private static void condition(List<String> conditions, Map<String, Object> parameters, String column,
            String value) {
        conditions.add(column + " = :" + column);
        parameters.put(column, value);
    }
}
