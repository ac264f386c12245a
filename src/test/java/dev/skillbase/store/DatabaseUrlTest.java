package dev.skillbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void a_plain_path_or_sqlite_prefix_is_an_sqlite_file() {
        assertThat(DatabaseUrl.parse("/var/lib/skills.db")).isEqualTo(new SqliteUrl(Path.of("/var/lib/skills.db")));
        assertThat(DatabaseUrl.parse("sqlite:/tmp/a.db")).isEqualTo(new SqliteUrl(Path.of("/tmp/a.db")));
        assertThat(DatabaseUrl.parse("jdbc:sqlite:/tmp/a.db")).isEqualTo(new SqliteUrl(Path.of("/tmp/a.db")));
        assertThat(DatabaseUrl.parse("sqlite:///tmp/a.db")).isEqualTo(new SqliteUrl(Path.of("/tmp/a.db")));
        assertThat(DatabaseUrl.parse("relative/skills.db"))
                .isEqualTo(new SqliteUrl(Path.of("relative/skills.db").toAbsolutePath()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://alice:s3cr%40t@db.example.com:6543/skills",
        "postgres://alice:s3cr%40t@db.example.com:6543/skills",
        "jdbc:postgresql://db.example.com:6543/skills?user=alice&password=s3cr@t"
    })
    void postgresql_urls_in_three_spellings_parse_alike(String text) {
        PostgresUrl url = (PostgresUrl) DatabaseUrl.parse(text);

        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("skills");
        assertThat(url.user()).contains("alice");
        assertThat(url.password()).contains("s3cr@t");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/skills");
        assertThat(url.toString()).doesNotContain("s3cr");
        assertThat(url.describe()).doesNotContain("s3cr");
    }

    @Test
    void pool_bounds_come_from_the_query_and_other_parameters_reach_jdbc() {
        PostgresUrl url = (PostgresUrl) DatabaseUrl.parse("postgresql://h/db?pool_min=2&pool_max=50&sslmode=require");
        PostgresUrl defaults = (PostgresUrl) DatabaseUrl.parse("postgresql://h/db");

        assertThat(url.poolMin()).isEqualTo(2);
        assertThat(url.poolMax()).isEqualTo(50);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require");
        assertThat(defaults.poolMin()).isEqualTo(5);
        assertThat(defaults.poolMax()).isEqualTo(20);
        assertThat(defaults.user()).isEmpty();
        assertThat(((PostgresUrl) DatabaseUrl.parse("postgresql://h/db?pool_min=30")).poolMax()).isEqualTo(30);
        assertThat(((PostgresUrl) DatabaseUrl.parse("postgresql://[::1]:5433/db")).jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/db");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql://bob:hunter2@h/db               | unknown scheme 'mysql:'",
        "jdbc:mysql://h/db                      | unknown scheme 'jdbc:mysql:'",
        "http://example.com/db                  | unknown scheme",
        "postgresql://bob:hunter2@:5432/db      | the host is missing",
        "postgresql:///db                       | the host is missing",
        "postgresql://bob:hunter2@h:99999/db    | the port '99999' is not a number between 1 and 65535",
        "postgresql://bob:hunter2@h:abc/db      | the port 'abc'",
        "postgresql://bob:hunter2@h:0/db        | the port '0'",
        "postgresql://bob:hunter2@h:5432        | the database name is missing",
        "postgresql://bob:hunter2@h:5432/       | the database name is missing",
        "postgresql://h/db?pool_min=x           | pool_min must be a whole number",
        "postgresql://h/db?pool_min=9&pool_max=3 | pool_min (9) is larger than pool_max (3)",
        "postgresql://h/db?pool_max=0           | pool_max must be a whole number of at least 1",
        "jdbc:postgresql://h:1/db?password=hunter2&x | the query parameter 'x'",
        "sqlite:                                | the SQLite file path is empty",
    })
    void malformed_urls_are_rejected_naming_the_setting_and_the_problem(String text, String problem) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text.strip(), "SKILLBASE_DB"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("invalid database URL in SKILLBASE_DB")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void an_empty_value_is_rejected(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("--db")
                .hasMessageContaining("empty");
    }

    @Test
    void the_default_location_follows_xdg_data_home_else_the_home_folder() {
        assertThat(DatabaseUrl.defaultLocation(Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/u")).file())
                .isEqualTo(Path.of("/data/skillbase/skillbase.db"));
        assertThat(DatabaseUrl.defaultLocation(Map.of("HOME", "/home/u")).file())
                .isEqualTo(Path.of("/home/u/.local/share/skillbase/skillbase.db"));
        assertThat(DatabaseUrl.defaultLocation(Map.of("XDG_DATA_HOME", "relative", "HOME", "/home/u")).file())
                .isEqualTo(Path.of("/home/u/.local/share/skillbase/skillbase.db"));
    }

    @Test
    void resolve_prefers_the_option_then_the_environment_then_the_default() {
        Map<String, String> env = Map.of("SKILLBASE_DB", "/env.db", "HOME", "/home/u");

        assertThat(DatabaseUrl.resolve(Optional.of("/option.db"), env)).isEqualTo(new SqliteUrl(Path.of("/option.db")));
        assertThat(DatabaseUrl.resolve(Optional.empty(), env)).isEqualTo(new SqliteUrl(Path.of("/env.db")));
        assertThat(DatabaseUrl.resolve(Optional.empty(), Map.of("HOME", "/home/u")))
                .isEqualTo(new SqliteUrl(Path.of("/home/u/.local/share/skillbase/skillbase.db")));
        assertThatThrownBy(() -> DatabaseUrl.resolve(Optional.empty(), Map.of("SKILLBASE_DB", "ftp://x/y")))
                .hasMessageContaining("SKILLBASE_DB");
    }
}
