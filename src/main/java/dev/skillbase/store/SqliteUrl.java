package dev.skillbase.store;

import java.nio.file.Path;
import java.util.Objects;

/** An SQLite database file. */
public record SqliteUrl(Path file) implements DatabaseUrl {
    public SqliteUrl {
        Objects.requireNonNull(file, "file");
        file = file.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return "SQLite file " + file;
    }

    @Override
    public String toString() {
        return "sqlite:" + file;
    }
}
