package dev.skillbase.server;

/** A JSON route was sent a body that is not {@code application/json} (415). */
public final class UnsupportedBodyTypeException extends RuntimeException {
    public UnsupportedBodyTypeException(String contentType) {
        super("Content-Type " + (contentType == null ? "(none)" : "\"" + contentType + "\"")
                + " is not accepted here: send a JSON object as application/json");
    }
}
