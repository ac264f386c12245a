package dev.skillbase.account;

/** A known caller lacks the scope or role for this action (HTTP 403). */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
