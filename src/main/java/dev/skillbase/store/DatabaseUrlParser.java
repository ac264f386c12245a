package dev.skillbase.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text forms described in {@link DatabaseUrl}; every failure names the setting and the problem. */
final class DatabaseUrlParser {
    private static final Pattern SCHEME = Pattern.compile("^(jdbc:)?([A-Za-z][A-Za-z0-9+.-]*):(//)?");
    private static final Pattern PASSWORD_IN_USERINFO = Pattern.compile("(//[^/?#@]*?:)[^@]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");

    private final String setting;
    private String value = "";

    DatabaseUrlParser(String setting) {
        this.setting = setting;
    }

    DatabaseUrl parse(String text) {
        value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw invalid("the value is empty (give a file path, sqlite:PATH or postgresql://user@host:port/db)");
        }
        Matcher scheme = SCHEME.matcher(value);
        if (!scheme.find()) {
            return sqlite(value);
        }
        String name = scheme.group(2).toLowerCase(Locale.ROOT);
        boolean jdbc = scheme.group(1) != null;
        boolean slashes = scheme.group(3) != null;
        String rest = value.substring(scheme.end());
        if (name.equals("sqlite")) {
            return sqlite(slashes ? "//" + rest : rest);
        }
        if ((name.equals("postgresql") || name.equals("postgres") && !jdbc) && slashes) {
            return new PostgresParts(rest).toUrl();
        }
        if (jdbc || slashes) {
            throw invalid("unknown scheme '" + scheme.group().replace("//", "") + "' (use a file path, sqlite:PATH,"
                    + " postgresql://, postgres:// or jdbc:postgresql://)");
        }
        return sqlite(value);
    }

    private SqliteUrl sqlite(String path) {
        if (path.isBlank() || path.equals("/")) {
            throw invalid("the SQLite file path is empty");
        }
        try {
            Path file = Path.of(path);
            if (file.getFileName() == null) {
                throw invalid("the SQLite path names no file");
            }
            return new SqliteUrl(file);
        } catch (InvalidPathException e) {
            throw invalid("the SQLite file path is not a valid path (" + e.getReason() + ")");
        }
    }

    InvalidDatabaseUrlException invalid(String problem) {
        String shown = PASSWORD_PARAMETER.matcher(PASSWORD_IN_USERINFO.matcher(value).replaceAll("$1***@"))
                .replaceAll("$1***");
        return new InvalidDatabaseUrlException(setting, shown, problem);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The pieces of {@code [user[:password]@]host[:port]/database[?k=v&...]}. */
    private final class PostgresParts {
        private final String rest;

        PostgresParts(String rest) {
            this.rest = rest;
        }

        PostgresUrl toUrl() {
            int question = rest.indexOf('?');
            String main = question < 0 ? rest : rest.substring(0, question);
            Map<String, String> parameters = parameters(question < 0 ? "" : rest.substring(question + 1));
            int at = main.lastIndexOf('@');
            String userInfo = at < 0 ? null : main.substring(0, at);
            String hostAndPath = main.substring(at + 1);
            int slash = hostAndPath.indexOf('/');
            String hostPort = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
            String database = slash < 0 ? "" : decode(hostAndPath.substring(slash + 1));
            if (database.isEmpty()) {
                throw invalid("the database name is missing (postgresql://user@host:port/DATABASE)");
            }
            Optional<String> user = Optional.ofNullable(parameters.remove("user"));
            Optional<String> password = Optional.ofNullable(parameters.remove("password"));
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                password = colon < 0 ? password : Optional.of(decode(userInfo.substring(colon + 1)));
            }
            if (user.isPresent() && user.get().isEmpty()) {
                throw invalid("the user name before '@' is empty");
            }
            int poolMin = poolBound(parameters.remove("pool_min"), "pool_min", PostgresUrl.DEFAULT_POOL_MIN, 0);
            int poolMax = poolBound(parameters.remove("pool_max"), "pool_max",
                    Math.max(PostgresUrl.DEFAULT_POOL_MAX, poolMin), 1);
            if (poolMin > poolMax) {
                throw invalid("pool_min (" + poolMin + ") is larger than pool_max (" + poolMax + ")");
            }
            String host = host(hostPort);
            int port = port(hostPort);
            return new PostgresUrl(host, port, database, user, password, parameters, poolMin, poolMax);
        }

        private String host(String hostPort) {
            String host;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                host = close < 0 ? "" : hostPort.substring(1, close);
            } else {
                int colon = hostPort.indexOf(':');
                host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            }
            if (host.isBlank()) {
                throw invalid("the host is missing (postgresql://user@HOST:port/db)");
            }
            if (!host.matches("[A-Za-z0-9._:%-]+")) {
                throw invalid("the host '" + host + "' is not a valid host name");
            }
            return host;
        }

        private int port(String hostPort) {
            int close = hostPort.startsWith("[") ? hostPort.indexOf(']') : -1;
            int colon = hostPort.indexOf(':', close + 1);
            if (colon < 0) {
                return PostgresUrl.DEFAULT_PORT;
            }
            String text = hostPort.substring(colon + 1);
            if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65_535) {
                throw invalid("the port '" + text + "' is not a number between 1 and 65535");
            }
            return Integer.parseInt(text);
        }

        private Map<String, String> parameters(String query) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw invalid("the query parameter '" + (pair.toLowerCase(Locale.ROOT).startsWith("password")
                            ? "password" : pair) + "' has no name=value form");
                }
                parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return parameters;
        }

        private int poolBound(String text, String name, int fallback, int minimum) {
            if (text == null) {
                return fallback;
            }
            if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < minimum) {
                throw invalid(name + " must be a whole number of at least " + minimum + ", got '" + text + "'");
            }
            return Integer.parseInt(text);
        }
    }
}
