package dev.skillbase.suggest;

import java.nio.file.Path;

/** A manifest that cannot be read or parsed (malformed JSON, XML or TOML, an unreadable file). */
public final class ManifestException extends RuntimeException {
    private final Path file;

    public ManifestException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The manifest. */
    public Path file() {
        return file;
    }
}
