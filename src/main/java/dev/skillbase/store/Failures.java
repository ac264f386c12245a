package dev.skillbase.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns low-level failures into the store's exceptions, with the database named and no password shown. */
final class Failures {
    private Failures() {
    }

    static DatabaseUnavailableException unreachable(DatabaseUrl url, Throwable cause) {
        if (cause instanceof SQLiteException sqlite && readOnly(sqlite)) {
            return new DatabaseNotWritableException("the " + url.describe() + " is not writable", cause);
        }
        return new DatabaseUnavailableException("cannot connect to the " + url.describe() + ": "
                + cause.getMessage(), cause);
    }

    static RuntimeException migration(DatabaseUrl url, RuntimeException cause) {
        SQLException sql = sqlCause(cause);
        if (sql != null && (sql instanceof SQLTransientConnectionException || connectionLost(sql))) {
            return unreachable(url, sql);
        }
        if (sql instanceof SQLiteException sqlite && readOnly(sqlite)) {
            return new DatabaseNotWritableException("the " + url.describe() + " is not writable", cause);
        }
        return new StoreException("cannot bring the schema of the " + url.describe() + " up to date", cause);
    }

    /** @param what the operation, e.g. "publishing acme/pdf@1.0.0" */
    static RuntimeException translate(DatabaseUrl url, String what, RuntimeException failure) {
        SQLException sql = sqlCause(failure);
        if (sql instanceof SQLiteException sqlite) {
            if (readOnly(sqlite)) {
                return new DatabaseNotWritableException(what + " failed: the " + url.describe()
                        + " is not writable", failure);
            }
            if (sqlite.getResultCode().code == SQLiteErrorCode.SQLITE_BUSY.code) {
                return new DatabaseUnavailableException(what + " failed: the " + url.describe()
                        + " stayed locked by another writer for " + PoolSettings.BUSY_TIMEOUT_MILLIS / 1000
                        + " s", failure);
            }
        }
        if (sql != null && (sql instanceof SQLTransientConnectionException || connectionLost(sql))) {
            return new DatabaseUnavailableException(what + " failed: lost the connection to the "
                    + url.describe() + ": " + sql.getMessage(), failure);
        }
        return new StoreException(what + " failed on the " + url.describe(), failure);
    }

    private static boolean connectionLost(SQLException sql) {
        return sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }

    private static boolean readOnly(SQLiteException sqlite) {
        return (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_READONLY.code;
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
