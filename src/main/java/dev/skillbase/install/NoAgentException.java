package dev.skillbase.install;

/** No agent was named and none was detected, so there is nowhere to install (a usage error). */
public final class NoAgentException extends RuntimeException {
    public NoAgentException(String message) {
        super(message);
    }
}
