package dev.skillbase.server;

/** The server was not started with {@code --allow-exec}: it runs no skill (403). */
public final class ExecNotAllowedException extends RuntimeException {
    public ExecNotAllowedException(String message) {
        super(message);
    }
}
