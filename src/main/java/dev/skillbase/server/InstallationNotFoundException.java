package dev.skillbase.server;

/** The caller has no installation matching a removal (404). */
public final class InstallationNotFoundException extends RuntimeException {
    public InstallationNotFoundException(String message) {
        super(message);
    }
}
