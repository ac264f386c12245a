package dev.skillbase.cli;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Registry;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.store.SqliteUrl;
import java.nio.file.Files;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --db URL}: the database a command reads and writes; the store chooses the default. */
public final class DbOption {
    @Option(names = "--db", paramLabel = "URL",
            description = "The database: an SQLite file (PATH, sqlite:PATH) or PostgreSQL "
                    + "(postgresql://USER:PASSWORD@HOST:PORT/DB). Default: $" + DatabaseUrl.ENV_VARIABLE
                    + ", else skillbase/skillbase.db under $XDG_DATA_HOME or ~/.local/share.")
    String url;

    private DatabaseUrl resolve() {
        return DatabaseUrl.resolve(Optional.ofNullable(url), System.getenv());
    }

    /** Opens (and, when new, creates and migrates) the database. */
    Registry open() {
        return LocalRegistry.open(resolve());
    }

    /** As {@link #open()}, with the database-only parts (accounts). */
    LocalRegistry openLocal() {
        return LocalRegistry.open(resolve());
    }

    /**
     * The database when it may hold something; never creates an SQLite file (for dry runs). A PostgreSQL database
     * is opened as usual, which brings its schema up to date.
     */
    Optional<Registry> openExisting() {
        DatabaseUrl resolved = resolve();
        if (resolved instanceof SqliteUrl sqlite && !Files.exists(sqlite.file())) {
            return Optional.empty();
        }
        return Optional.of(LocalRegistry.open(resolved));
    }
}
