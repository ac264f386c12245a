package dev.skillbase.store;

import org.jdbi.v3.core.Handle;

/**
 * The SQL dialect, chosen once when a {@link Database} is opened. It holds the few pieces of SQL that differ
 * between SQLite and PostgreSQL; everything else is shared.
 */
public enum Dialect {
    SQLITE("db/migration/sqlite") {
        @Override
        public String json(String parameter) {
            return "json(:" + parameter + ")";
        }

        @Override
        public String byteOrder(String expression) {
            return expression + " COLLATE BINARY";
        }

        @Override
        void lockSkill(Handle handle, String key) {
            // write transactions are BEGIN IMMEDIATE: SQLite already lets one writer in at a time
        }
    },
    POSTGRESQL("db/migration/postgresql") {
        @Override
        public String json(String parameter) {
            return "CAST(:" + parameter + " AS jsonb)";
        }

        @Override
        public String byteOrder(String expression) {
            return expression + " COLLATE \"C\"";
        }

        @Override
        void lockSkill(Handle handle, String key) {
            handle.createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .bind("key", key)
                    .mapToMap()
                    .one();
        }
    };

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** The classpath folder holding this dialect's Flyway migrations. */
    public String migrations() {
        return migrations;
    }

    /** An SQL expression turning the text parameter {@code parameter} into this dialect's JSON value. */
    public abstract String json(String parameter);

    /** {@code expression} compared byte by byte, whatever the database's default collation (ORDER BY, comparisons). */
    public abstract String byteOrder(String expression);

    /**
     * Serialises writers of one skill until the transaction ends, so that concurrent publishes of one version see
     * each other's committed rows.
     */
    abstract void lockSkill(Handle handle, String key);
}
