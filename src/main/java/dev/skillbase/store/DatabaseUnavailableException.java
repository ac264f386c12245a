package dev.skillbase.store;

/** The database cannot be reached or used right now: connection refused, timed out, locked (exit 3). */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
