package dev.skillbase.store;

/** A database operation failed for a reason other than the input or reachability; the message says which. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
