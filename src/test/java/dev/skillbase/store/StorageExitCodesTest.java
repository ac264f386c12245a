package dev.skillbase.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.cli.ExitCodes;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionConflictException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class StorageExitCodesTest {
    private static final SqliteUrl FILE = new SqliteUrl(Path.of("/data/skills.db"));

    @Test
    void a_malformed_database_url_is_a_usage_error() {
        assertThat(ExitCodes.of(new InvalidDatabaseUrlException("--db", "x://y", "unknown scheme")))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void a_version_conflict_is_invalid_input() {
        assertThat(ExitCodes.of(new VersionConflictException(new SkillRef("a", "b"), "1.0.0", "sha256:1", "sha256:2")))
                .isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void unreachable_read_only_and_locked_databases_are_environment_errors() {
        RuntimeException locked = Failures.translate(FILE, "publishing a/b@1.0.0",
                new RuntimeException(new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY)));
        RuntimeException readOnly = Failures.translate(FILE, "publishing a/b@1.0.0",
                new RuntimeException(new SQLiteException("readonly", SQLiteErrorCode.SQLITE_READONLY_DBMOVED)));

        assertThat(locked).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("publishing a/b@1.0.0 failed: the SQLite file /data/skills.db stayed locked by another"
                        + " writer for 10 s");
        assertThat(readOnly).isInstanceOf(DatabaseNotWritableException.class).hasMessageContaining("not writable");
        assertThat(ExitCodes.of(locked)).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(ExitCodes.of(readOnly)).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(ExitCodes.of(new DatabaseUnavailableException("cannot connect", null)))
                .isEqualTo(ExitCodes.ENVIRONMENT);
    }

    @Test
    void other_database_failures_name_the_operation_and_the_database() {
        RuntimeException failure = Failures.translate(FILE, "listing skills",
                new RuntimeException(new SQLiteException("no such table: skills", SQLiteErrorCode.SQLITE_ERROR)));

        assertThat(failure).isInstanceOf(StoreException.class)
                .hasMessage("listing skills failed on the SQLite file /data/skills.db");
    }
}
