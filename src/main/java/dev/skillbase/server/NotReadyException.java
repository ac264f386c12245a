package dev.skillbase.server;

/** The server is up but cannot serve: its database does not answer (503). */
public final class NotReadyException extends RuntimeException {
    public NotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
