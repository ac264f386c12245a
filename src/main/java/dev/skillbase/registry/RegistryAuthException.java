package dev.skillbase.registry;

/** The registry server refused the credentials (401: none or not valid; 403: valid but without the right). */
public final class RegistryAuthException extends RuntimeException {
    private final int status;

    public RegistryAuthException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 401 or 403. */
    public int status() {
        return status;
    }
}
