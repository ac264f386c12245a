package dev.skillbase.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A PostgreSQL database. {@code parameters} are passed to the JDBC driver as they are; the pool bounds are ours.
 * The password is never part of {@link #toString()} nor {@link #describe()}.
 */
public record PostgresUrl(
        String host, int port, String database, Optional<String> user, Optional<String> password,
        Map<String, String> parameters, int poolMin, int poolMax) implements DatabaseUrl {

    public static final int DEFAULT_PORT = 5432;
    public static final int DEFAULT_POOL_MIN = 5;
    public static final int DEFAULT_POOL_MAX = 20;

    public PostgresUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        parameters = Map.copyOf(parameters);
        if (poolMin < 0 || poolMax < 1 || poolMin > poolMax) {
            throw new IllegalArgumentException("pool bounds must satisfy 0 <= min <= max, 1 <= max");
        }
    }

    /** The JDBC URL without user nor password (they travel as connection properties). */
    public String jdbcUrl() {
        String query = parameters.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public String describe() {
        return "PostgreSQL at " + host + ":" + port + "/" + database + user.map(u -> " as " + u).orElse("");
    }

    @Override
    public String toString() {
        String credentials = user.map(u -> u + password.map(p -> ":***").orElse("") + "@").orElse("");
        return "postgresql://" + credentials + host + ":" + port + "/" + database;
    }
}
