package dev.skillbase.install;

/** An install source that names nothing: an unknown skill, an empty folder, an index that is not there. */
public final class SourceNotFoundException extends RuntimeException {
    public SourceNotFoundException(String message) {
        super(message);
    }
}
