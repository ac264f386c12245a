package dev.skillbase.store;

/** The SQLite file, or the folder that should hold it, cannot be written (exit 3). */
public final class DatabaseNotWritableException extends DatabaseUnavailableException {
    public DatabaseNotWritableException(String message, Throwable cause) {
        super(message, cause);
    }
}
