package dev.skillbase.skill;

/** A bundle entry whose path could escape the skill folder or clash with another (code {@code unsafe-path}). */
public final class UnsafeBundlePathException extends BundleException {
    public UnsafeBundlePathException(String message) {
        super(message);
    }
}
