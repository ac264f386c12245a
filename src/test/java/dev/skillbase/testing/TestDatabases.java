package dev.skillbase.testing;

import dev.skillbase.store.Database;
import dev.skillbase.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Brand-new, empty databases for tests, as {@code --db} URL strings.
 *
 * <p>SQLite: a file in a fresh temporary folder (deleted when the JVM exits). PostgreSQL: one embedded PostgreSQL
 * per test JVM, started on first use and stopped by a shutdown hook; each call creates a database from a template
 * that already holds the migrated schema, so opening it migrates nothing. Thread-safe.
 */
public final class TestDatabases {
    /** The embedded server's superuser; it trusts local connections, so the password is only there to be masked. */
    public static final String PG_USER = "postgres";
    public static final String PG_PASSWORD = "secret-test-password";
    private static final String TEMPLATE = "skillbase_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A URL naming a new, empty database of {@code kind}, ready to pass to {@code --db} or {@code LocalRegistry.open}. */
    public static String freshUrl(DbKind kind) {
        return switch (kind) {
            case SQLITE -> freshSqlite().toString();
            case POSTGRESQL -> freshPostgres();
        };
    }

    /** A file path in a new temporary folder; the file does not exist yet. */
    public static Path freshSqlite() {
        try {
            Path dir = Files.createTempDirectory("skillbase-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return dir.resolve("skillbase.db");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for a test database", e);
        }
    }

    /** The port of the embedded PostgreSQL, started if needed. */
    public static synchronized int postgresPort() {
        return server().getPort();
    }

    private static String freshPostgres() {
        String name = "skillbase_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return url(name);
    }

    private static String url(String database) {
        return "postgresql://" + PG_USER + ":" + PG_PASSWORD + "@localhost:" + postgresPort() + "/" + database;
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // durability is not under test: without fsync the test server runs faster and stops within seconds
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
                postgres = started;
                execute("CREATE DATABASE " + TEMPLATE);
                Database.open(DatabaseUrl.parse(url(TEMPLATE))).close(); // opening migrates the template
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    private static synchronized void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL: " + sql + " failed", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            // the JVM is exiting; the temporary data folder goes with the process
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
