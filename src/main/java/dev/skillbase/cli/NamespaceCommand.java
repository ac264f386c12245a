package dev.skillbase.cli;

import dev.skillbase.account.Namespace;
import dev.skillbase.registry.LocalRegistry;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase namespace}: namespaces. */
@Command(
        name = "namespace",
        mixinStandardHelpOptions = true,
        description = "Namespaces of a registry.",
        subcommands = NamespaceCommand.Create.class)
final class NamespaceCommand extends CommandGroup {

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Creates a namespace; its owner (if given) becomes a member with role owner. Skills of a "
                    + "--private namespace are visible to its members only.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:success",
                "1:the namespace exists already, or the owner does not exist",
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

        @Parameters(paramLabel = "NS", description = "The namespace name.")
        String name;

        @Option(names = "--owner", paramLabel = "USER", description = "Its owner.")
        String owner;

        @Option(names = "--org", description = "An organisation's namespace (default: a user's).")
        boolean org;

        @Option(names = "--private", description = "Only members see its skills.")
        boolean isPrivate;

        @Override
        public Integer call() {
            Namespace created;
            try (LocalRegistry registry = db.openLocal()) {
                created = registry.accounts().createNamespace(name, org ? Namespace.Kind.ORG : Namespace.Kind.USER,
                        Optional.ofNullable(owner), isPrivate);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled) {
                Json.print(out, AccountJson.NamespaceJson.of(created));
                return ExitCodes.OK;
            }
            out.println("created namespace " + created.name() + created.owner().map(o -> " owned by " + o).orElse(""));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
