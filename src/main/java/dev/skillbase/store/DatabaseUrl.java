package dev.skillbase.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the database lives, parsed once from a {@code --db} value or {@code SKILLBASE_DB}. Accepted forms:
 * <ul>
 *   <li>a file path, or {@code sqlite:PATH} (also {@code jdbc:sqlite:PATH}): an SQLite file;</li>
 *   <li>{@code postgresql://user:pass@host:port/db}, {@code postgres://...} or {@code jdbc:postgresql://...}:
 *       PostgreSQL. The query may carry {@code pool_min} and {@code pool_max} (connection pool bounds, default 5
 *       and 20); they are stripped before the URL reaches JDBC, every other parameter is passed on.</li>
 * </ul>
 * {@link #toString()} never shows a password.
 */
public sealed interface DatabaseUrl permits SqliteUrl, PostgresUrl {

    /** The environment variable the CLI reads when {@code --db} is not given. */
    String ENV_VARIABLE = "SKILLBASE_DB";

    /** A short human description of the location, safe to print (no password). */
    String describe();

    /**
     * Parses a database URL given by the setting named {@code setting} (for messages, e.g. {@code --db}).
     *
     * @throws InvalidDatabaseUrlException naming the setting and what is wrong with the value
     */
    static DatabaseUrl parse(String text, String setting) {
        return new DatabaseUrlParser(setting).parse(text);
    }

    /** {@link #parse(String, String)} for a value given with {@code --db}. */
    static DatabaseUrl parse(String text) {
        return parse(text, "--db");
    }

    /**
     * The database to use: {@code option} (the {@code --db} value) when given, else {@code SKILLBASE_DB} from
     * {@code env}, else {@link #defaultLocation(Map)}.
     */
    static DatabaseUrl resolve(Optional<String> option, Map<String, String> env) {
        if (option.isPresent()) {
            return parse(option.get(), "--db");
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null) {
            return parse(fromEnv, ENV_VARIABLE);
        }
        return defaultLocation(env);
    }

    /**
     * {@code $XDG_DATA_HOME/skillbase/skillbase.db}, else {@code ~/.local/share/skillbase/skillbase.db} (home from
     * {@code HOME}, else the {@code user.home} property). The folder is created when the database is opened.
     */
    static SqliteUrl defaultLocation(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path dataHome;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            dataHome = Path.of(xdg);
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            dataHome = Path.of(home, ".local", "share");
        }
        return new SqliteUrl(dataHome.resolve("skillbase").resolve("skillbase.db").toAbsolutePath().normalize());
    }
}
