package dev.skillbase.cli;

import dev.skillbase.registry.HttpRegistry;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.OfflineCache;
import dev.skillbase.registry.Registry;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.store.SqliteUrl;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where a command's registry is: a database ({@code --db URL}, in process) or a registry server
 * ({@code --registry URL}, over HTTP, with {@code --token}). Flags win over the environment: {@code --registry},
 * else {@code --db}, else {@code $SKILLBASE_REGISTRY}, else {@code $SKILLBASE_DB}, else the default SQLite file.
 * Both flags together are a usage error.
 */
public final class DbOption {
    public static final String REGISTRY_ENV = "SKILLBASE_REGISTRY";
    public static final String TOKEN_ENV = "SKILLBASE_TOKEN";
    /** {@code off} turns the offline cache of registry answers off; {@code on} (the default) keeps it. */
    public static final String OFFLINE_CACHE_ENV = "SKILLBASE_OFFLINE_CACHE";

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

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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
        return HttpRegistry.open(server, token());
    }

    private Optional<String> token() {
        return Optional.ofNullable(token).or(() -> Optional.ofNullable(env.get(TOKEN_ENV)));
    }

    /**
     * As {@link #open()}, for a command that only reads: a registry server's answers are kept in the offline cache
     * and, when the server cannot be reached, read from it (with one notice on the command's stderr).
     */
    Registry openWithOfflineCache() {
        Optional<String> server = server();
        if (server.isEmpty()) {
            return LocalRegistry.open(resolve());
        }
        return HttpRegistry.open(server.get(), token(), offlineCache());
    }

    private OfflineCache offlineCache() {
        Map<String, String> commandEnv = mixee == null ? env : SkillbaseCommand.env(mixee);
        String setting = commandEnv.getOrDefault(OFFLINE_CACHE_ENV, "").strip().toLowerCase(Locale.ROOT);
        if (setting.equals("off")) {
            return OfflineCache.off();
        }
        if (!setting.isEmpty() && !setting.equals("on")) {
            throw new UsageException(OFFLINE_CACHE_ENV + "='" + commandEnv.get(OFFLINE_CACHE_ENV)
                    + "' is not a setting: expected on or off");
        }
        PrintWriter err = mixee == null ? new PrintWriter(System.err, true) : mixee.commandLine().getErr();
        return OfflineCache.in(OfflineCache.defaultFolder(commandEnv), line -> {
            err.println(line);
            err.flush();
        });
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
