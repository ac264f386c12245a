package dev.skillbase.server;

/** A request body larger than {@code --max-upload-bytes} (413); nothing beyond the limit was read. */
public final class UploadTooLargeException extends RuntimeException {
    public UploadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes, the most this server accepts "
                + "(--max-upload-bytes)");
    }
}
