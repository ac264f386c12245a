package dev.skillbase.server;

/** A stored version whose files no longer rebuild its recorded archive: a server fault (500), never the client's. */
public final class ArchiveIntegrityException extends RuntimeException {
    public ArchiveIntegrityException(String message) {
        super(message);
    }
}
