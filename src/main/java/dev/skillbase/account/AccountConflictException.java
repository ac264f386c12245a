package dev.skillbase.account;

/** The change clashes with what exists: a taken user or namespace name, a second bootstrap, the last owner. */
public final class AccountConflictException extends RuntimeException {
    public AccountConflictException(String message) {
        super(message);
    }
}
