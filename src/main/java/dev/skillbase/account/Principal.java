package dev.skillbase.account;

import java.util.Set;

/** Who a valid token speaks for, and what it may be used for. */
public record Principal(User user, Set<Scope> scopes, long tokenId) {

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** An admin acting as one: the user is an admin and the token carries {@code admin}. */
    public boolean actsAsAdmin() {
        return user.admin() && has(Scope.ADMIN);
    }
}
