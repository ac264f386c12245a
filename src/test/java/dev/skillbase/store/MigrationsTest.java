package dev.skillbase.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    private static List<Integer> versions(Dialect dialect) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", dialect.migrations()))) {
            return files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void latest_version_is_the_highest_migration_of_every_dialect_and_both_dialects_have_the_same_versions()
            throws IOException {
        List<Integer> sqlite = versions(Dialect.SQLITE);
        List<Integer> postgresql = versions(Dialect.POSTGRESQL);

        assertThat(sqlite).isNotEmpty().isEqualTo(postgresql);
        assertThat(sqlite.getLast()).isEqualTo(Migrations.LATEST_VERSION);
    }
}
