package dev.skillbase.cli;

import dev.skillbase.registry.HttpRegistry;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Registry;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.store.SqliteUrl;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a command's registry is: a database ({@code --db URL}, in process) or a registry server
 * ({@code --registry URL}, over HTTP, with {@code --token}). Flags win over the environment: {@code --registry},
 * else {@code --db}, else {@code $SKILLBASE_REGISTRY}, else {@code $SKILLBASE_DB}, else the default SQLite file.
 * Both flags together are a usage error.
 */
public final class DbOption {
    public static final String REGISTRY_ENV = "SKILLBASE_REGISTRY";
    public static final String TOKEN_ENV = "SKILLBASE_TOKEN";

    @Option(names = "--db", paramLabel = "URL",
            description = "The database: an SQLite file (PATH, sqlite:PATH) or PostgreSQL "
                    + "(postgresql://USER:PASSWORD@HOST:PORT/DB). Default: $" + DatabaseUrl.ENV_VARIABLE
                    + ", else skillbase/skillbase.db under $XDG_DATA_HOME or ~/.local/share.")
    String url;

    @Option(names = "--registry", paramLabel = "URL",
            description = "A skillbase server to use instead of a database, e.g. http://127.0.0.1:8080 "
                    + "(default $" + REGISTRY_ENV + " when --db is not given).")
    String registry;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The bearer token for --registry (default $" + TOKEN_ENV + ").")
    String token;

    private final Map<String, String> env = System.getenv();

    private DatabaseUrl resolve() {
        return DatabaseUrl.resolve(Optional.ofNullable(url), env);
    }

    /** The registry server's URL when this command talks to one. */
    private Optional<String> server() {
        if (registry != null && url != null) {
            throw new UsageException("--registry and --db both given: use a registry server or a database, not both");
        }
        if (url != null) {
            return Optional.empty();
        }
        return Optional.ofNullable(registry).or(() -> Optional.ofNullable(env.get(REGISTRY_ENV))
                .filter(v -> !v.isBlank()));
    }

    private Registry http(String server) {
        return HttpRegistry.open(server, Optional.ofNullable(token).or(() -> Optional.ofNullable(env.get(TOKEN_ENV))));
    }

    /** Opens the registry server's client, or (when new, creating and migrating) the database. */
    Registry open() {
        Optional<String> server = server();
        return server.isPresent() ? http(server.get()) : LocalRegistry.open(resolve());
    }

    /** The registry server's client when this command talks to one (never a database): where installs are recorded. */
    Optional<Registry> openServer() {
        return server().map(this::http);
    }

    /** As {@link #open()}, with the database-only parts (accounts). */
    LocalRegistry openLocal() {
        return LocalRegistry.open(resolve());
    }

    /**
     * The registry when it may hold something; never creates an SQLite file (for dry runs). A PostgreSQL database
     * is opened as usual, which brings its schema up to date; a registry server is only read.
     */
    Optional<Registry> openExisting() {
        Optional<String> server = server();
        if (server.isPresent()) {
            return Optional.of(http(server.get()));
        }
        DatabaseUrl resolved = resolve();
        if (resolved instanceof SqliteUrl sqlite && !Files.exists(sqlite.file())) {
            return Optional.empty();
        }
        return Optional.of(LocalRegistry.open(resolved));
    }
}
