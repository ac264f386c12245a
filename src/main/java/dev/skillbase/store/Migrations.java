package dev.skillbase.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Applies the Flyway migrations of one dialect. Two openers racing on a brand-new database (two CLI processes on one
 * SQLite file) can collide while creating the schema history; the loser tries again once and then finds the schema
 * in place.
 */
final class Migrations {
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private Migrations() {
    }

    static void apply(DataSource dataSource, Dialect dialect, DatabaseUrl url) {
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
}
