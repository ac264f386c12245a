package dev.skillbase.registry;

/** A {@code --registry} value that is not an http(s) URL with a host. */
public final class InvalidRegistryUrlException extends RuntimeException {
    public InvalidRegistryUrlException(String message) {
        super(message);
    }
}
