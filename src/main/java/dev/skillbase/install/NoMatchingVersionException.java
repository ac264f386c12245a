package dev.skillbase.install;

/** The registry has the skill but no version that the requested version, range or tag selects. */
public final class NoMatchingVersionException extends RuntimeException {
    public NoMatchingVersionException(String message) {
        super(message);
    }
}
