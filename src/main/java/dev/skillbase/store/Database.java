package dev.skillbase.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * An open database: a HikariCP pool, the schema migrated by Flyway, and Jdbi over it. The dialect is decided here,
 * once, from the {@link DatabaseUrl}.
 *
 * <p>Pools: SQLite uses at most 4 connections (1 idle) with WAL, {@code foreign_keys=on}, {@code busy_timeout}
 * 10 s, {@code transaction_mode=IMMEDIATE} and {@code temp_store=MEMORY} (savepoint sub-journals stay in memory),
 * because SQLite admits one writer at a time anyway. PostgreSQL keeps
 * between {@code pool_min} (default 5) and {@code pool_max} (default 20) connections, set through the URL query
 * ({@code postgresql://host/db?pool_min=2&pool_max=50}). Connecting gives up after about 3 seconds.
 *
 * <p>Thread-safe; close it once when done.
 */
public final class Database implements AutoCloseable {
    private final DatabaseUrl url;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(DatabaseUrl url, Dialect dialect, HikariDataSource dataSource) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        ColumnTypes.register(jdbi, dialect);
    }

    /**
     * Opens the database, creating the SQLite file and its folder when missing, and applies pending migrations.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached (or, for SQLite, written)
     */
    public static Database open(DatabaseUrl url) {
        Dialect dialect = switch (url) {
            case SqliteUrl sqlite -> {
                SqliteFiles.prepare(sqlite);
                SqliteNativeLibrary.beforeFirstConnection();
                yield Dialect.SQLITE;
            }
            case PostgresUrl ignored -> Dialect.POSTGRESQL;
        };
        HikariDataSource dataSource = connect(url);
        try {
            Migrations.apply(dataSource, dialect, url);
            return new Database(url, dialect, dataSource);
        } catch (RuntimeException e) {
            closeAfterFailure(dataSource, e);
            throw e;
        }
    }

    private static HikariDataSource connect(DatabaseUrl url) {
        try {
            return new HikariDataSource(PoolSettings.of(url));
        } catch (HikariPool.PoolInitializationException e) {
            throw Failures.unreachable(url, e.getCause() == null ? e : e.getCause());
        }
    }

    private static void closeAfterFailure(HikariDataSource dataSource, RuntimeException failure) {
        try {
            dataSource.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DatabaseUrl url() {
        return url;
    }

    /** Jdbi over the pool, for callers that translate failures themselves. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Runs {@code work} on one connection in auto-commit mode; failures are wrapped naming {@code what}. */
    public <T> T read(String what, Function<Handle, T> work) {
        try {
            return jdbi.withHandle(work::apply);
        } catch (JdbiException e) {
            throw Failures.translate(url, what, e);
        }
    }

    /** Runs {@code work} in one write transaction, rolled back when it throws; failures wrapped naming {@code what}. */
    public <T> T write(String what, Function<Handle, T> work) {
        try {
            return jdbi.inTransaction(work::apply);
        } catch (JdbiException e) {
            throw Failures.translate(url, what, e);
        }
    }

    /** A failure of {@code what} as {@link #write} would report it. */
    RuntimeException translate(String what, JdbiException failure) {
        return Failures.translate(url, what, failure);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
