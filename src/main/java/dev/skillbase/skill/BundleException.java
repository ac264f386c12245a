package dev.skillbase.skill;

/** A skill folder that cannot be read as a bundle: a limit broken, an unsafe entry, an I/O failure. */
public class BundleException extends RuntimeException {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
