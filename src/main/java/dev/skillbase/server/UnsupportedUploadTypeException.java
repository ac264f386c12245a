package dev.skillbase.server;

/** A publish body of a media type the API does not take (415). */
public final class UnsupportedUploadTypeException extends RuntimeException {
    public UnsupportedUploadTypeException(String contentType) {
        super("Content-Type " + (contentType == null ? "(none)" : "\"" + contentType + "\"")
                + " is not accepted: send the archive as application/gzip (tar.gz), application/zip, or "
                + "multipart/form-data with a file part named \"archive\"");
    }
}
