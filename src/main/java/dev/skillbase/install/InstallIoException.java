package dev.skillbase.install;

/** A skill folder, link or lockfile that cannot be written or removed (an environment error). */
public final class InstallIoException extends RuntimeException {
    public InstallIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
