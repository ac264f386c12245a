package dev.skillbase.install;

/** A lockfile that cannot be read (malformed JSON, an unknown format version) or written. */
public final class LockfileException extends RuntimeException {
    public LockfileException(String message, Throwable cause) {
        super(message, cause);
    }

    public LockfileException(String message) {
        super(message);
    }
}
