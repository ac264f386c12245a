package dev.skillbase.account;

/** A presented token is unknown, expired or revoked; the message never contains the token. */
public final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
        super(message);
    }
}
