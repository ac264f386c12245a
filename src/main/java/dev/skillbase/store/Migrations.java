package dev.skillbase.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Applies the Flyway migrations of one dialect. When the schema history already records {@link #LATEST_VERSION},
 * Flyway is not even loaded: a CLI command opens the database each time, and Flyway's start-up costs more than the
 * command (about a second on a small machine); checksums are then verified only when a migration is pending. Two openers racing on a brand-new database (two CLI processes on one
 * SQLite file) can collide while creating the schema history; the loser tries again once and then finds the schema
 * in place.
 */
final class Migrations {
    /** The highest {@code V<n>__} migration of every dialect folder ({@code MigrationsTest} keeps this true). */
    static final int LATEST_VERSION = 10;
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private Migrations() {
    }

    static void apply(DataSource dataSource, Dialect dialect, DatabaseUrl url) {
        if (upToDate(dataSource)) {
            return;
        }
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + dialect.migrations())
                .failOnMissingLocations(true)
                .load();
        synchronized (LOCKS.computeIfAbsent(url.toString(), key -> new Object())) {
            try {
                flyway.migrate();
            } catch (FlywayException first) {
                try {
                    flyway.migrate();
                } catch (FlywayException second) {
                    second.addSuppressed(first);
                    throw Failures.migration(url, second);
                }
            }
        }
    }

    private static boolean upToDate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM flyway_schema_history WHERE success AND version = ?")) {
            statement.setString(1, String.valueOf(LATEST_VERSION));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            // no history yet (a new database), or unreadable: Flyway decides and reports
            return false;
        }
    }
}
