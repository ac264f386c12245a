package dev.skillbase.suggest;

/** A package id that cannot be read: an unknown ecosystem, an empty or over-long name, a character not allowed. */
public final class InvalidPackageException extends RuntimeException {
    private final String value;

    public InvalidPackageException(String value, String message) {
        super(message);
        this.value = value;
    }

    /** The package id as given. */
    public String value() {
        return value;
    }
}
