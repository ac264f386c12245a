package dev.skillbase.cli;

import dev.skillbase.registry.Registry;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --db URL}: the database a command reads and writes; the store chooses the default. */
public final class DbOption {
    @Option(names = "--db", paramLabel = "URL", defaultValue = "${env:SKILLBASE_DB}",
            description = "The database: an SQLite file (sqlite:PATH or jdbc:sqlite:PATH) or PostgreSQL "
                    + "(postgresql://USER:PASSWORD@HOST:PORT/DB). Default: $SKILLBASE_DB, else the SQLite file "
                    + "under your data directory.")
    String url;

    /** Opens (and, when new, creates) the database. */
    Registry open() {
        throw new UnsupportedOperationException("LocalRegistry is not merged yet");
    }

    /** The database when it exists already; never creates one (for dry runs). */
    Optional<Registry> openExisting() {
        return Optional.empty();
    }
}
