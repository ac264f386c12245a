package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.account.Principal;
import java.util.Optional;

/**
 * The publish guard of a server with accounts: a bearer token with scope publish and role owner or maintainer in the
 * namespace (or an admin token) may publish; see {@link Access#requirePublish}. Without a token, publishing is
 * refused (401) unless the server allows anonymous publishing (tests, single-user local use).
 */
final class AccountsPublishGuard implements PublishGuard {
    private final Callers callers;
    private final Access access;
    private final boolean allowAnonymous;

    AccountsPublishGuard(Callers callers, Access access, boolean allowAnonymous) {
        this.callers = callers;
        this.access = access;
        this.allowAnonymous = allowAnonymous;
    }

    @Override
    public Publisher authorize(PublishAttempt attempt) {
        Optional<Principal> caller = callers.principal(attempt.authorization().orElse(null));
        if (caller.isEmpty()) {
            if (allowAnonymous) {
                return new Publisher(Optional.empty());
            }
            throw new PublishRefusedException("publishing needs a token with scope publish: send "
                    + "Authorization: Bearer <token> (create one with skillbase token create)");
        }
        access.requirePublish(caller.get(), attempt.ref().namespace());
        return new Publisher(Optional.of(caller.get().user().name()));
    }
}
