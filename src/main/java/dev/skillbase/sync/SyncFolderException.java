package dev.skillbase.sync;

/**
 * The folder of a pull or sync cannot be used: it does not exist (sync), is a file, cannot be created or written,
 * holds an unreadable state file, or another pull or sync is writing it. An environment failure (exit code 3).
 */
public final class SyncFolderException extends RuntimeException {
    public SyncFolderException(String message) {
        super(message);
    }

    public SyncFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
