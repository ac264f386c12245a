package dev.skillbase.store;

import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.exec.Captured;
import dev.skillbase.exec.Execution;
import dev.skillbase.exec.ExecutionStatus;
import dev.skillbase.exec.Usage;
import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SkillRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The execution log: one row per run, and each skill's use figures ({@code skills.executions},
 * {@code skills.executions_succeeded}), moved by the same transaction that inserts the row with relative updates, so
 * concurrent runs on SQLite (one writer at a time) and PostgreSQL (row lock of the skill) neither lose nor double a
 * count. Thread-safe.
 */
public final class ExecutionStore {
    private static final String SELECT = """
            SELECT e.*, n.name AS namespace_name, s.name AS skill_name
            FROM executions e JOIN skills s ON s.id = e.skill_id JOIN namespaces n ON n.id = s.namespace_id""";

    private final Database database;

    public ExecutionStore(Database database) {
        this.database = database;
    }

    /**
     * Appends the run to the log and counts it in its skill's figures.
     *
     * @throws NoSuchSkillException when the skill does not exist (any more)
     */
    public void record(Execution run) {
        database.write("recording a run of " + run.skill(), handle -> {
            UUID skillId = InstallationStore.findSkillId(handle, run.skill())
                    .orElseThrow(() -> new NoSuchSkillException(run.skill()));
            handle.createUpdate("""
                            INSERT INTO executions (id, skill_id, version, user_id, runner, status, sandboxed,
                                exit_code, message, inputs, inputs_bytes, outputs, outputs_bytes, stderr_tail,
                                duration_ms, started_at, ended_at)
                            VALUES (:id, :skill, :version, :user, :runner, :status, :sandboxed, :exit, :message,
                                :inputs, :inputsBytes, :outputs, :outputsBytes, :stderr, :duration, :started,
                                :ended)""")
                    .bind("id", run.id()).bind("skill", skillId).bind("version", run.version())
                    .bind("user", run.userId().orElse(null)).bind("runner", run.runner())
                    .bind("status", run.status().wire()).bind("sandboxed", run.sandboxed())
                    .bind("exit", run.exitCode().orElse(null)).bind("message", run.message())
                    .bind("inputs", run.inputs().text()).bind("inputsBytes", run.inputs().bytes())
                    .bind("outputs", run.outputs().map(Captured::text).orElse(null))
                    .bind("outputsBytes", run.outputs().map(Captured::bytes).orElse(null))
                    .bind("stderr", run.stderrTail()).bind("duration", run.duration().toMillis())
                    .bind("started", run.startedAt()).bind("ended", run.endedAt())
                    .execute();
            if (run.status().startedProcess()) {
                handle.createUpdate("""
                                UPDATE skills SET executions = executions + 1,
                                    executions_succeeded = executions_succeeded + :succeeded
                                WHERE id = :skill""")
                        .bind("succeeded", run.status() == ExecutionStatus.SUCCEEDED ? 1 : 0)
                        .bind("skill", skillId).execute();
            }
            AuditLog.append(handle, AuditEntry.skill("execution.run", run.skill(), Map.of("execution",
                    run.id().toString(), "version", run.version(), "status", run.status().wire(), "sandboxed",
                    run.sandboxed())));
            return null;
        });
    }

    /** One run, or empty when there is none with that id. */
    public Optional<Execution> find(UUID id) {
        return database.read("reading run " + id, handle -> handle.createQuery(SELECT + " WHERE e.id = :id")
                .bind("id", id).map(ExecutionStore::map).findOne());
    }

    /**
     * The skill's runs, newest first; only {@code userId}'s when given.
     *
     * @return an empty page when the skill does not exist
     */
    public Page<Execution> list(SkillRef ref, Optional<Long> userId, int limit, int offset) {
        String where = " WHERE n.name = :namespace AND s.name = :name"
                + userId.map(u -> " AND e.user_id = :user").orElse("");
        return database.read("listing the runs of " + ref, handle -> {
            var count = handle.createQuery("SELECT count(*) FROM executions e JOIN skills s ON s.id = e.skill_id"
                            + " JOIN namespaces n ON n.id = s.namespace_id" + where)
                    .bind("namespace", ref.namespace()).bind("name", ref.name());
            var items = handle.createQuery(SELECT + where + " ORDER BY e.started_at DESC, e.id LIMIT :limit"
                            + " OFFSET :offset")
                    .bind("namespace", ref.namespace()).bind("name", ref.name())
                    .bind("limit", limit).bind("offset", offset);
            userId.ifPresent(u -> {
                count.bind("user", u);
                items.bind("user", u);
            });
            return new Page<>(items.map(ExecutionStore::map).list(), count.mapTo(Long.class).one(), limit, offset);
        });
    }

    /** The skill's use figures. @throws NoSuchSkillException when it does not exist */
    public Usage usage(SkillRef ref) {
        return database.read("reading the use figures of " + ref, handle -> handle.createQuery("""
                        SELECT s.executions, s.executions_succeeded FROM skills s
                        JOIN namespaces n ON n.id = s.namespace_id WHERE n.name = :namespace AND s.name = :name""")
                .bind("namespace", ref.namespace()).bind("name", ref.name())
                .map((rs, ctx) -> new Usage(rs.getLong("executions"), rs.getLong("executions_succeeded")))
                .findOne().orElseThrow(() -> new NoSuchSkillException(ref)));
    }

    private static Execution map(ResultSet rs, StatementContext ctx) throws SQLException {
        long user = rs.getLong("user_id");
        Optional<Long> userId = rs.wasNull() ? Optional.empty() : Optional.of(user);
        int exit = rs.getInt("exit_code");
        Optional<Integer> exitCode = rs.wasNull() ? Optional.empty() : Optional.of(exit);
        String outputs = rs.getString("outputs");
        long outputsBytes = rs.getLong("outputs_bytes");
        return new Execution(Columns.uuid(rs, "id", ctx),
                new SkillRef(rs.getString("namespace_name"), rs.getString("skill_name")), rs.getString("version"),
                userId, rs.getString("runner"), ExecutionStatus.ofWire(rs.getString("status")),
                rs.getBoolean("sandboxed"), exitCode, rs.getString("message"),
                new Captured(rs.getString("inputs"), rs.getLong("inputs_bytes")),
                outputs == null ? Optional.empty() : Optional.of(new Captured(outputs, outputsBytes)),
                rs.getString("stderr_tail"), Duration.ofMillis(rs.getLong("duration_ms")),
                Columns.instant(rs, "started_at", ctx), Columns.instant(rs, "ended_at", ctx));
    }
}
