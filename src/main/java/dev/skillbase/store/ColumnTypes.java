package dev.skillbase.store;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How instants and UUIDs travel to and from each dialect: SQLite keeps instants as epoch milliseconds and UUIDs as
 * text; PostgreSQL uses {@code timestamptz} (bound as UTC) and {@code uuid}.
 */
final class ColumnTypes {
    private ColumnTypes() {
    }

    static void register(Jdbi jdbi, Dialect dialect) {
        switch (dialect) {
            case SQLITE -> {
                jdbi.registerArgument(new InstantAsMillis());
                jdbi.registerArgument(new UuidAsText());
                jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> Instant.ofEpochMilli(rs.getLong(column)));
                jdbi.registerColumnMapper(UUID.class, (rs, column, ctx) -> UUID.fromString(rs.getString(column)));
            }
            case POSTGRESQL -> {
                jdbi.registerArgument(new InstantAsUtc());
                jdbi.registerColumnMapper(Instant.class,
                        (rs, column, ctx) -> rs.getObject(column, OffsetDateTime.class).toInstant());
                jdbi.registerColumnMapper(UUID.class, (rs, column, ctx) -> rs.getObject(column, UUID.class));
            }
        }
    }

    private static final class InstantAsMillis extends AbstractArgumentFactory<Instant> {
        InstantAsMillis() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
        }
    }

    private static final class UuidAsText extends AbstractArgumentFactory<UUID> {
        UuidAsText() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(UUID value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toString());
        }
    }

    private static final class InstantAsUtc extends AbstractArgumentFactory<Instant> {
        InstantAsUtc() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) ->
                    statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
