package dev.skillbase.cli;

import dev.skillbase.account.User;
import dev.skillbase.registry.LocalRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase user}: accounts. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Users of a registry.",
        subcommands = UserCommand.Create.class)
final class UserCommand extends CommandGroup {

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Creates a user, and the namespace of the same name (owned by them) when that name is free.",
                "Give them a token with: skillbase token create --user NAME --scopes publish,read"
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:success",
                "1:the user exists already",
                "2:usage error (invalid name, malformed --db URL)",
                "3:environment error (database unreachable)"
            })
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Mixin
        JsonOption json;

        @Parameters(paramLabel = "NAME", description = "The user name (lower-case letters, digits, hyphens).")
        String name;

        @Option(names = "--admin", description = "Make the user an admin.")
        boolean admin;

        @Override
        public Integer call() {
            User user;
            try (LocalRegistry registry = db.openLocal()) {
                user = registry.accounts().createUser(name, admin);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled) {
                Json.print(out, AccountJson.UserJson.of(user));
                return ExitCodes.OK;
            }
            out.println("created " + (user.admin() ? "admin " : "user ") + user.name());
            out.flush();
            return ExitCodes.OK;
        }
    }
}
