package dev.skillbase.account;

/** No token with this id (or none of the caller's). */
public final class TokenNotFoundException extends RuntimeException {
    public TokenNotFoundException(long id) {
        super("there is no token " + id);
    }
}
