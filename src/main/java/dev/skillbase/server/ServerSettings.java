package dev.skillbase.server;

import dev.skillbase.store.DatabaseUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How {@code skillbase serve} runs, checked once at start-up and frozen. Every value comes from a flag, else from its
 * {@code SKILLBASE_*} environment variable, else a default; a bad value fails naming the flag or variable it came
 * from ({@link InvalidSettingException}, or the store's {@code InvalidDatabaseUrlException} for the database).
 *
 * @param baseUrl the public address of the server, for absolute links; empty means {@code http://host:port}
 * @param corsOrigins origins allowed to call the API from a browser; empty means CORS is off
 * @param maxUploadBytes the largest request body a publish may send (413 beyond)
 * @param allowAnonymousPublish let anyone publish without credentials (tests, a single user on localhost)
 * @param shutdownTimeout how long a stop waits for requests in flight before cutting them off
 * @param allowExec run skills on request ({@code POST .../execute}), always in the sandbox; off by default
 */
public record ServerSettings(
        String host,
        int port,
        DatabaseUrl database,
        Optional<URI> baseUrl,
        List<String> corsOrigins,
        long maxUploadBytes,
        boolean allowAnonymousPublish,
        Duration shutdownTimeout,
        boolean allowExec) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\*");

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** As the canonical constructor, with runs of skills off. */
    public ServerSettings(String host, int port, DatabaseUrl database, Optional<URI> baseUrl, List<String> corsOrigins,
            long maxUploadBytes, boolean allowAnonymousPublish, Duration shutdownTimeout) {
        this(host, port, database, baseUrl, corsOrigins, maxUploadBytes, allowAnonymousPublish, shutdownTimeout,
                false);
    }

    /** These settings with runs of skills on or off. */
    public ServerSettings withAllowExec(boolean allow) {
        return new ServerSettings(host, port, database, baseUrl, corsOrigins, maxUploadBytes, allowAnonymousPublish,
                shutdownTimeout, allow);
    }

    /** Settings for a server on {@code 127.0.0.1}, an ephemeral port, and the given database; everything else default. */
    public static ServerSettings local(DatabaseUrl database, boolean allowAnonymousPublish) {
        return new ServerSettings(DEFAULT_HOST, 0, database, Optional.empty(), List.of(), DEFAULT_MAX_UPLOAD_BYTES,
                allowAnonymousPublish, DEFAULT_SHUTDOWN_TIMEOUT);
    }

    /** What the command line gave; absent values fall back to the environment, then to defaults. */
    public record Flags(
            Optional<String> host,
            Optional<String> port,
            Optional<String> db,
            Optional<String> baseUrl,
            List<String> corsOrigins,
            Optional<String> maxUploadBytes,
            boolean allowAnonymousPublish,
            Optional<String> shutdownTimeoutSeconds,
            boolean allowExec) {

        public Flags(Optional<String> host, Optional<String> port, Optional<String> db, Optional<String> baseUrl,
                List<String> corsOrigins, Optional<String> maxUploadBytes, boolean allowAnonymousPublish,
                Optional<String> shutdownTimeoutSeconds) {
            this(host, port, db, baseUrl, corsOrigins, maxUploadBytes, allowAnonymousPublish, shutdownTimeoutSeconds,
                    false);
        }
    }

    /**
     * Resolves and checks every setting.
     *
     * @throws InvalidSettingException naming the flag or variable whose value is wrong
     */
    public static ServerSettings resolve(Flags flags, Map<String, String> env) {
        Source source = new Source(env);
        String host = source.value(flags.host(), "--host", "SKILLBASE_HOST").map(ServerSettings::host)
                .orElse(DEFAULT_HOST);
        int port = source.value(flags.port(), "--port", "SKILLBASE_PORT").map(ServerSettings::port)
                .orElse(DEFAULT_PORT);
        DatabaseUrl database = DatabaseUrl.resolve(flags.db(), env);
        Optional<URI> baseUrl = source.value(flags.baseUrl(), "--base-url", "SKILLBASE_BASE_URL")
                .map(ServerSettings::baseUrl);
        List<String> origins = flags.corsOrigins().isEmpty()
                ? Optional.ofNullable(env.get("SKILLBASE_CORS_ORIGINS")).map(v -> origins(v, "SKILLBASE_CORS_ORIGINS"))
                        .orElse(List.of())
                : origins(String.join(",", flags.corsOrigins()), "--cors-origin");
        long maxUpload = source.value(flags.maxUploadBytes(), "--max-upload-bytes", "SKILLBASE_MAX_UPLOAD_BYTES")
                .map(ServerSettings::maxUpload).orElse(DEFAULT_MAX_UPLOAD_BYTES);
        boolean anonymous = flags.allowAnonymousPublish()
                || source.value(Optional.empty(), "--allow-anonymous-publish", "SKILLBASE_ALLOW_ANONYMOUS_PUBLISH")
                        .map(ServerSettings::bool).orElse(false);
        Duration shutdown = source.value(flags.shutdownTimeoutSeconds(), "--shutdown-timeout",
                "SKILLBASE_SHUTDOWN_TIMEOUT").map(ServerSettings::seconds).orElse(DEFAULT_SHUTDOWN_TIMEOUT);
        boolean exec = flags.allowExec() || source.value(Optional.empty(), "--allow-exec", "SKILLBASE_ALLOW_EXEC")
                .map(ServerSettings::bool).orElse(false);
        return new ServerSettings(host, port, database, baseUrl, origins, maxUpload, anonymous, shutdown, exec);
    }

    /** A raw value and the name of the setting it came from, for messages. */
    private record Named(String setting, String value) {
    }

    private static final class Source {
        private final Map<String, String> env;

        Source(Map<String, String> env) {
            this.env = env;
        }

        Optional<Named> value(Optional<String> flag, String flagName, String variable) {
            if (flag.isPresent()) {
                return Optional.of(new Named(flagName, flag.get()));
            }
            return Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank()).map(v -> new Named(variable, v));
        }
    }

    private static String host(Named named) {
        String value = named.value().strip();
        if (!HOST.matcher(value).matches()) {
            throw new InvalidSettingException(named.setting(), named.value(),
                    "expected a host name or IP address to listen on, such as 127.0.0.1 or 0.0.0.0");
        }
        return value;
    }

    private static int port(Named named) {
        try {
            int port = Integer.parseInt(named.value().strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(named.setting(), named.value(),
                "expected a port number from 0 to 65535 (0 picks a free port)");
    }

    private static URI baseUrl(Named named) {
        String expected = "expected an absolute http or https URL without query or fragment, such as "
                + "https://skills.example.com";
        try {
            URI uri = new URI(named.value().strip());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                    || uri.getUserInfo() != null) {
                throw new InvalidSettingException(named.setting(), named.value(), expected);
            }
            String text = uri.toString();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(named.setting(), named.value(), expected);
        }
    }

    private static List<String> origins(String value, String setting) {
        List<String> origins = new ArrayList<>();
        for (String origin : value.split(",")) {
            String trimmed = origin.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(trimmed).matches()) {
                throw new InvalidSettingException(setting, trimmed,
                        "expected an origin such as https://app.example.com (scheme, host, optional port; no path)");
            }
            origins.add(trimmed);
        }
        return origins;
    }

    private static long maxUpload(Named named) {
        try {
            long bytes = Long.parseLong(named.value().strip());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(named.setting(), named.value(), "expected a positive number of bytes");
    }

    private static boolean bool(Named named) {
        return switch (named.value().strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidSettingException(named.setting(), named.value(), "expected true or false");
        };
    }

    private static Duration seconds(Named named) {
        try {
            int seconds = Integer.parseInt(named.value().strip());
            if (seconds >= 0 && seconds <= 600) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(named.setting(), named.value(), "expected a number of seconds from 0 to 600");
    }
}
