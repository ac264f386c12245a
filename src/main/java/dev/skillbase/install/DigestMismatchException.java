package dev.skillbase.install;

/** Bytes that do not hash to the digest they were promised under: nothing of them is written. */
public final class DigestMismatchException extends RuntimeException {
    public DigestMismatchException(String what, String expected, String actual) {
        super(what + " has digest " + actual + ", not the expected " + expected
                + ": refusing to install it (nothing was written)");
    }
}
