package dev.skillbase.server;

/** The {@link PublishGuard} did not let this caller publish (401). */
public final class PublishRefusedException extends RuntimeException {
    public PublishRefusedException(String message) {
        super(message);
    }
}
