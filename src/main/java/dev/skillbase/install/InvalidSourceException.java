package dev.skillbase.install;

/** A SOURCE argument that is not a skill reference, a folder or a URL (a usage error). */
public final class InvalidSourceException extends RuntimeException {
    public InvalidSourceException(String message) {
        super(message);
    }
}
