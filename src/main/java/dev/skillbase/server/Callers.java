package dev.skillbase.server;

import dev.skillbase.account.Accounts;
import dev.skillbase.account.InvalidTokenException;
import dev.skillbase.account.Principal;
import dev.skillbase.audit.AuditActor;
import dev.skillbase.registry.Viewer;
import dev.skillbase.account.Access;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * Authentication: before every API request, an {@code Authorization: Bearer <token>} header is turned into the
 * request's {@link Principal} (401 with {@code WWW-Authenticate: Bearer} when the token is malformed, unknown,
 * expired or revoked); without the header the caller is anonymous. The token itself is never logged or echoed.
 */
final class Callers {
    private static final String ATTRIBUTE = "skillbase.principal";

    private final Accounts accounts;

    Callers(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The before-handler; also names the request's caller as the actor of the changes it makes (audit log). */
    void authenticate(Context ctx) {
        Optional<Principal> principal = principal(ctx.header("Authorization"));
        principal.ifPresent(p -> ctx.attribute(ATTRIBUTE, p));
        AuditActor.set(principal.map(p -> p.user().name()).orElse(AuditActor.ANONYMOUS));
    }

    /** The principal of a raw {@code Authorization} value; empty when there is none. */
    Optional<Principal> principal(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw new InvalidTokenException("the Authorization header must be \"Bearer <token>\"");
        }
        return Optional.of(accounts.authenticate(value.substring(7).strip()));
    }

    static Optional<Principal> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    static Viewer viewer(Context ctx) {
        return Access.viewer(of(ctx));
    }
}
