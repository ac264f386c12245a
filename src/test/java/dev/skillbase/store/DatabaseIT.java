package dev.skillbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseIT {
    private static final List<String> TABLES = List.of("users", "namespaces", "memberships", "skills", "blobs",
            "skill_versions", "version_files", "tags", "skill_tags", "installations", "preferences",
            "skill_preferences", "package_mappings", "analytics_events", "analytics_daily", "skill_embeddings");
    private static final List<String> INDEXES = List.of("memberships_user", "skills_name", "skills_status",
            "skills_taxonomy", "skills_updated", "skills_created", "skills_owner", "skill_versions_order",
            "skill_versions_archive", "version_files_blob", "skill_tags_tag", "installations_skill",
            "package_mappings_skill", "analytics_events_skill", "analytics_daily_day", "skill_embeddings_model");

    private static Database open(DbKind kind) {
        return Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(kind)));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrations_create_every_table_and_index(DbKind kind) {
        try (Database database = open(kind)) {
            String tablesSql = switch (kind) {
                case SQLITE -> "SELECT name FROM sqlite_master WHERE type = 'table'";
                case POSTGRESQL -> "SELECT tablename FROM pg_tables WHERE schemaname = 'public'";
            };
            String indexesSql = switch (kind) {
                case SQLITE -> "SELECT name FROM sqlite_master WHERE type = 'index'";
                case POSTGRESQL -> "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'";
            };
            List<String> tables = database.jdbi().withHandle(h -> h.createQuery(tablesSql).mapTo(String.class).list());
            List<String> indexes = database.jdbi().withHandle(h -> h.createQuery(indexesSql).mapTo(String.class).list());

            assertThat(tables).containsAll(TABLES);
            assertThat(indexes).containsAll(INDEXES);
            switch (kind) {
                case SQLITE -> assertThat(tables).contains("skill_search");
                case POSTGRESQL -> assertThat(indexes).contains("skills_search");
            }
            assertThat(database.dialect().name()).isEqualTo(kind.name());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void check_constraints_reject_an_unknown_role_and_status(DbKind kind) {
        try (Database database = open(kind)) {
            assertThatThrownBy(() -> database.jdbi().useHandle(h -> {
                h.execute("INSERT INTO namespaces (name, created_at) VALUES ('acme', ?)", Instant.now());
                h.execute("INSERT INTO users (login, created_at) VALUES ('ann', ?)", Instant.now());
                h.execute("INSERT INTO memberships (namespace_id, user_id, role) VALUES (1, 1, 'king')");
            })).isInstanceOf(JdbiException.class).hasMessageContaining("role");
            assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO skills (id, namespace_id, name, title,"
                            + " description, status, created_at, updated_at) VALUES (?, 1, 'x', 'x', 'x', 'bogus', ?, ?)",
                    java.util.UUID.randomUUID(), Instant.now(), Instant.now())))
                    .isInstanceOf(JdbiException.class).hasMessageContaining("status");
        }
    }

    @Test
    void sqlite_connections_use_wal_foreign_keys_a_busy_timeout_and_immediate_writes() throws SQLException {
        try (Database database = open(DbKind.SQLITE)) {
            Map<String, Object> settings = database.jdbi().inTransaction(h -> Map.of(
                    "journal_mode", h.createQuery("PRAGMA journal_mode").mapTo(String.class).one(),
                    "foreign_keys", h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one(),
                    "busy_timeout", h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one(),
                    "transaction_mode", h.getConnection().unwrap(org.sqlite.SQLiteConnection.class)
                            .getDatabase().getConfig().getTransactionMode().name()));

            assertThat(settings).containsEntry("journal_mode", "wal").containsEntry("foreign_keys", 1)
                    .containsEntry("busy_timeout", 10_000).containsEntry("transaction_mode", "IMMEDIATE");
        }
    }

    @Test
    void postgresql_pool_bounds_come_from_the_url() {
        String url = TestDatabases.freshUrl(DbKind.POSTGRESQL) + "?pool_min=1&pool_max=3";
        try (Database database = Database.open(DatabaseUrl.parse(url))) {
            PostgresUrl parsed = (PostgresUrl) database.url();
            assertThat(parsed.poolMin()).isEqualTo(1);
            assertThat(parsed.poolMax()).isEqualTo(3);
            int one = database.read("counting", h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(one).isOne();
        }
    }

    @Test
    void reopening_a_migrated_database_keeps_its_data() {
        String url = TestDatabases.freshUrl(DbKind.SQLITE);
        try (LocalRegistry registry = LocalRegistry.open(url)) {
            registry.publish(dev.skillbase.testing.TestVersions.skill("acme", "pdf-tools").build());
        }
        try (LocalRegistry registry = LocalRegistry.open(url)) {
            assertThat(registry.stats().skills()).isEqualTo(1);
        }
    }

    @Test
    void a_database_at_version_3_is_brought_up_to_date_when_opened() {
        String url = TestDatabases.freshUrl(DbKind.SQLITE);
        try (LocalRegistry registry = LocalRegistry.open(url)) {
            registry.publish(dev.skillbase.testing.TestVersions.skill("acme", "pdf-tools").build());
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + url);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE audit_log");
            statement.execute("DROP TABLE reviews");
            statement.execute("DROP INDEX skills_rating");
            statement.execute("DROP TABLE analytics_daily");
            statement.execute("DROP TABLE analytics_events");
            statement.execute("DROP TABLE executions");
            statement.execute("ALTER TABLE skills DROP COLUMN executions_succeeded");
            statement.execute("DROP TABLE skill_embeddings");
            statement.execute("DROP TABLE package_mappings");
            statement.execute("DROP TABLE skill_preferences");
            statement.execute("DROP TABLE preferences");
            statement.execute("DROP TABLE installations");
            statement.execute("DROP TABLE search_words");
            statement.execute("DELETE FROM flyway_schema_history WHERE version IN ('4', '5', '6', '7', '8', '9', '10')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }

        try (Database database = Database.open(DatabaseUrl.parse(url))) {
            List<String> tables = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table'").mapTo(String.class).list());
            assertThat(tables).contains("installations", "preferences", "skill_preferences", "package_mappings",
                    "analytics_events", "analytics_daily", "executions", "reviews", "audit_log", "search_words", "skill_embeddings");
            int skills = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM skills")
                    .mapTo(Integer.class).one());
            assertThat(skills).isOne();
            // V9 fills the typo vocabulary from the skills already there
            List<String> words = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT word FROM search_words WHERE word IN ('pdf', 'tools')").mapTo(String.class).list());
            assertThat(words).containsExactlyInAnyOrder("pdf", "tools");
        }
    }

    @Test
    void an_unreachable_postgresql_fails_fast_naming_host_and_port_without_the_password() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "postgresql://bob:hunter2@127.0.0.1:" + closedPort + "/skills";
        Instant start = Instant.now();

        assertThatThrownBy(() -> LocalRegistry.open(url))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort + "/skills")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_missing_postgresql_database_is_reported_with_the_server_message() {
        String url = "postgresql://" + TestDatabases.PG_USER + ":" + TestDatabases.PG_PASSWORD + "@localhost:"
                + TestDatabases.postgresPort() + "/no_such_database";

        assertThatThrownBy(() -> LocalRegistry.open(url))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("localhost:" + TestDatabases.postgresPort() + "/no_such_database")
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestDatabases.PG_PASSWORD));
    }

    @Test
    void a_read_only_sqlite_file_is_reported_as_not_writable() throws IOException {
        Path file = TestDatabases.freshSqlite();
        Database.open(new SqliteUrl(file)).close(); // creates and migrates the file
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        assertThatThrownBy(() -> LocalRegistry.open(file.toString()))
                .isInstanceOf(DatabaseNotWritableException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not writable");
    }

    @Test
    void a_read_only_folder_is_reported_as_not_writable() throws IOException {
        Path folder = TestDatabases.freshSqlite().getParent();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));

        assertThatThrownBy(() -> LocalRegistry.open("sqlite:" + folder.resolve("new.db")))
                .isInstanceOf(DatabaseNotWritableException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("not writable");
    }

    @Test
    void a_path_below_a_file_cannot_be_created() throws IOException {
        Path file = Files.writeString(TestDatabases.freshSqlite(), "not a folder");

        assertThatThrownBy(() -> LocalRegistry.open(file.resolve("skills.db").toString()))
                .isInstanceOf(DatabaseNotWritableException.class)
                .hasMessageContaining("cannot create the folder");
    }

    @Test
    void the_default_location_is_created_on_first_use() {
        Path dataHome = TestDatabases.freshSqlite().getParent().resolve("data");
        SqliteUrl url = DatabaseUrl.defaultLocation(Map.of("XDG_DATA_HOME", dataHome.toString()));

        try (Database database = Database.open(url)) {
            assertThat(dataHome.resolve("skillbase/skillbase.db")).isRegularFile();
            assertThat(database.url()).isEqualTo(url);
        }
    }
}
