package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.account.Accounts;
import dev.skillbase.account.Expiry;
import dev.skillbase.account.IssuedToken;
import dev.skillbase.account.InvalidAccountInputException;
import dev.skillbase.account.Principal;
import dev.skillbase.account.Scope;
import dev.skillbase.account.TokenInfo;
import dev.skillbase.account.TokenNotFoundException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A signed-in user's own tokens: create (scopes no wider than the token used to ask), list (never the secret) and
 * revoke. An admin may revoke anyone's token.
 */
final class TokenHandlers {
    private final Accounts accounts;

    TokenHandlers(Accounts accounts) {
        this.accounts = accounts;
    }

    record TokenView(long id, String user, String name, String prefix, List<String> scopes, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(TokenInfo t) {
            return new TokenView(t.id(), t.user(), t.name(), t.prefix(),
                    t.scopes().stream().sorted().map(Scope::wire).toList(), t.createdAt(), t.expiresAt().orElse(null),
                    t.lastUsedAt().orElse(null), t.revokedAt().orElse(null));
        }
    }

    record IssuedView(String token, TokenView info) {
    }

    void create(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "creating a token");
        JsonBody body = JsonBody.read(ctx, Set.of("name", "scopes", "expires"));
        Optional<String> name = body.text("name");
        Optional<List<String>> scopeList = body.strings("scopes");
        Optional<String> expires = body.text("expires");
        body.done();
        Set<Scope> scopes = Scope.parseList(String.join(",", scopeList.orElse(List.of())), "scopes");
        if (!caller.scopes().containsAll(scopes)) {
            throw new InvalidAccountInputException("scopes", "scope-not-allowed", "a token can only create tokens "
                    + "with its own scopes (" + Scope.join(caller.scopes()) + ")");
        }
        Optional<Instant> expiresAt = expires.map(e -> Expiry.parse(e, Instant.now(), "expires"));
        IssuedToken issued = accounts.issueToken(caller.user(), scopes, expiresAt, name);
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(new IssuedView(issued.secret(), TokenView.of(issued.info())));
    }

    void list(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "listing tokens");
        ctx.json(new WireViews.Items<>(accounts.tokens(caller.user().name()).stream().map(TokenView::of).toList()));
    }

    void revoke(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "revoking a token");
        long id = id(ctx.pathParam("id"));
        TokenInfo token = accounts.token(id).filter(t -> caller.actsAsAdmin() || t.user().equals(caller.user().name()))
                .orElseThrow(() -> new TokenNotFoundException(id));
        ctx.json(TokenView.of(accounts.revoke(token.id())));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("id", "invalid-id", "token id \"" + text + "\" is not a number");
        }
    }
}
