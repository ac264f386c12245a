package dev.skillbase.store;

import com.zaxxer.hikari.HikariConfig;
import java.util.concurrent.TimeUnit;

/** The HikariCP configuration for each kind of database (see {@link Database} for the choices). */
final class PoolSettings {
    static final int SQLITE_POOL_MAX = 4;
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    static final int CONNECT_TIMEOUT_SECONDS = 3;

    private PoolSettings() {
    }

    static HikariConfig of(DatabaseUrl url) {
        HikariConfig config = switch (url) {
            case SqliteUrl sqlite -> sqlite(sqlite);
            case PostgresUrl postgres -> postgres(postgres);
        };
        // one attempt at start-up: an unreachable database fails at once instead of being retried
        config.setInitializationFailTimeout(1);
        config.setPoolName("skillbase");
        config.validate();
        return config;
    }

    private static HikariConfig sqlite(SqliteUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + url.file());
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        // a push publishes each skill in a savepoint of a larger transaction; SQLite keeps each savepoint's undo
        // pages in a sub-journal, which in a temporary file costs more writes than the batch saves
        config.addDataSourceProperty("temp_store", "MEMORY");
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(SQLITE_POOL_MAX);
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(60));
        return config;
    }

    private static HikariConfig postgres(PostgresUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        config.addDataSourceProperty("ApplicationName", "skillbase");
        config.setMinimumIdle(url.poolMin());
        config.setMaximumPoolSize(url.poolMax());
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(10));
        return config;
    }
}
