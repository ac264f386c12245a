package dev.skillbase.cli;

import dev.skillbase.account.IssuedToken;
import dev.skillbase.registry.LocalRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillbase admin}: registry administration on the database itself. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Administration of a registry's database.",
        subcommands = {AdminCommand.Bootstrap.class, RebuildMappingsCommand.class})
final class AdminCommand extends CommandGroup {

    @Command(
            name = "bootstrap",
            mixinStandardHelpOptions = true,
            description = {
                "Creates the first admin of a registry and prints their API token, once: keep it, it is not stored.",
                "A new server starts with no accounts. Bootstrap it on the server's database:",
                "  skillbase admin bootstrap --user alice --db skillbase.db",
                "  skillbase serve --db skillbase.db",
                "then call the API with Authorization: Bearer <token>, and add people with",
                "  skillbase user create bob --db skillbase.db",
                "  skillbase token create --user bob --scopes publish,read --expires 90d --db skillbase.db",
                "Refused once an admin exists (exit 1)."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:success",
                "1:an admin exists already",
                "2:usage error (invalid user name, malformed --db URL)",
                "3:environment error (database unreachable)"
            })
    static final class Bootstrap implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Mixin
        JsonOption json;

        @Option(names = "--user", required = true, paramLabel = "NAME",
                description = "The admin's user name (created when missing).")
        String user;

        @Override
        public Integer call() {
            IssuedToken issued;
            try (LocalRegistry registry = db.openLocal()) {
                issued = registry.accounts().bootstrap(user);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled) {
                Json.print(out, new AccountJson.IssuedJson(issued.secret(), AccountJson.TokenJson.of(issued.info())));
                return ExitCodes.OK;
            }
            out.println("admin " + user + " is ready; their token (shown once, keep it safe):");
            out.println(issued.secret());
            out.flush();
            return ExitCodes.OK;
        }
    }
}
