package dev.skillbase.install;

/**
 * An install that would clobber something: a name already installed from another source, a folder another tool
 * installed, a copy edited locally, or a lockfile that {@code --frozen} forbids changing. Nothing was written.
 */
public final class InstallConflictException extends RuntimeException {
    public InstallConflictException(String message) {
        super(message);
    }
}
