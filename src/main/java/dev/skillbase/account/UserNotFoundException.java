package dev.skillbase.account;

/** No user of this name. */
public final class UserNotFoundException extends RuntimeException {
    public UserNotFoundException(String name) {
        super("there is no user " + name);
    }
}
