package dev.skillbase.account;

/** The action needs a token and none was given (HTTP 401). */
public final class AuthenticationRequiredException extends RuntimeException {
    public AuthenticationRequiredException(String message) {
        super(message);
    }
}
