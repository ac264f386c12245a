package dev.skillbase.install;

/** An agent id that the agents file does not list (a usage error: the command line named it). */
public final class UnknownAgentException extends RuntimeException {
    public UnknownAgentException(String message) {
        super(message);
    }
}
