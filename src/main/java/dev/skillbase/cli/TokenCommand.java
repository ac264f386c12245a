package dev.skillbase.cli;

import dev.skillbase.account.Accounts;
import dev.skillbase.account.Expiry;
import dev.skillbase.account.IssuedToken;
import dev.skillbase.account.Scope;
import dev.skillbase.account.TokenInfo;
import dev.skillbase.registry.LocalRegistry;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase token}: API tokens. Secrets are printed once, at creation, and never stored. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {
            "API tokens, sent as Authorization: Bearer <token>. Scopes: read (see what the user may see),",
            "publish (every change the user's roles allow), admin (an admin's powers; admins only)."
        },
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a token for a user and prints it once: it is stored only as a SHA-256 hash.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:success",
                "1:no such user",
                "2:usage error (bad scope or expiry, admin scope for a user who is not admin, malformed --db URL)",
                "3:environment error (database unreachable)"})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Mixin
        JsonOption json;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "Whose token.")
        String user;

        @Option(names = "--scopes", required = true, paramLabel = "SCOPES",
                description = "Comma-separated: read, publish, admin.")
        String scopes;

        @Option(names = "--expires", paramLabel = "WHEN",
                description = "Days (30d), a date (2026-12-31) or an instant; default: never.")
        String expires;

        @Option(names = "--name", paramLabel = "LABEL", description = "A label to recognise it by (default token).")
        String name;

        @Override
        public Integer call() {
            var parsed = Scope.parseList(scopes, "--scopes");
            Optional<Instant> expiresAt = Optional.ofNullable(expires)
                    .map(e -> Expiry.parse(e, Instant.now(), "--expires"));
            IssuedToken issued;
            try (LocalRegistry registry = db.openLocal()) {
                Accounts accounts = registry.accounts();
                issued = accounts.issueToken(accounts.user(user), parsed, expiresAt, Optional.ofNullable(name));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled) {
                Json.print(out, new AccountJson.IssuedJson(issued.secret(), AccountJson.TokenJson.of(issued.info())));
                return ExitCodes.OK;
            }
            out.println("token " + issued.info().id() + " for " + user + " (" + Scope.join(issued.info().scopes())
                    + "), shown once, keep it safe:");
            out.println(issued.secret());
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists a user's tokens: id, prefix, scopes, expiry, last use, revocation; never a secret.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:success",
                "1:no such user",
                "2:usage error (malformed --db URL)",
                "3:environment error (database unreachable)"})
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Mixin
        JsonOption json;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "Whose tokens.")
        String user;

        @Override
        public Integer call() {
            List<TokenInfo> tokens;
            try (LocalRegistry registry = db.openLocal()) {
                tokens = registry.accounts().tokens(user);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled) {
                Json.print(out, tokens.stream().map(AccountJson.TokenJson::of).toList());
                return ExitCodes.OK;
            }
            Table table = Table.of("ID", "PREFIX", "SCOPES", "EXPIRES", "LAST USED", "REVOKED", "NAME");
            tokens.forEach(t -> table.row(String.valueOf(t.id()), t.prefix() + "…", Scope.join(t.scopes()),
                    t.expiresAt().map(Instant::toString).orElse("never"),
                    t.lastUsedAt().map(Instant::toString).orElse("-"),
                    t.revokedAt().map(Instant::toString).orElse("-"), t.name()));
            table.print(out);
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a token by its id (see token list); requests with it get 401 from then on.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:success (also when it was revoked already)",
                "1:no such token",
                "2:usage error (malformed --db URL)",
                "3:environment error (database unreachable)"})
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Mixin
        JsonOption json;

        @Parameters(paramLabel = "ID", description = "The token's id.")
        long id;

        @Override
        public Integer call() {
            TokenInfo revoked;
            try (LocalRegistry registry = db.openLocal()) {
                revoked = registry.accounts().revoke(id);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled) {
                Json.print(out, AccountJson.TokenJson.of(revoked));
                return ExitCodes.OK;
            }
            out.println("revoked token " + revoked.id() + " of " + revoked.user());
            out.flush();
            return ExitCodes.OK;
        }
    }
}
