package dev.skillbase.registry;

/** The registry server cannot be reached, or answered with a server fault: nothing was read or written there. */
public final class RegistryUnavailableException extends RuntimeException {
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryUnavailableException(String message) {
        super(message);
    }
}
