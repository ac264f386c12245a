package dev.skillbase.server;

/** No run with that id, or none the caller may read (404). */
public final class ExecutionNotFoundException extends RuntimeException {
    public ExecutionNotFoundException(String message) {
        super(message);
    }
}
