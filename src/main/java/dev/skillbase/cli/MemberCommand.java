package dev.skillbase.cli;

import dev.skillbase.account.Member;
import dev.skillbase.account.Role;
import dev.skillbase.registry.LocalRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase member}: who belongs to a namespace, in which role. */
@Command(
        name = "member",
        mixinStandardHelpOptions = true,
        description = {
            "Members of a namespace. Owners manage members and archive skills; maintainers publish and edit skills;",
            "members see the namespace's private skills."
        },
        subcommands = {MemberCommand.Add.class, MemberCommand.Remove.class, MemberCommand.ListMembers.class})
final class MemberCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a user to a namespace, or changes their role.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:success",
                "1:no such namespace or user, or the namespace would lose its last owner",
                "2:usage error (bad role, malformed --db URL)",
                "3:environment error (database unreachable)"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Parameters(index = "0", paramLabel = "NS")
        String namespace;

        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "owner, maintainer or member.")
        String role;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role, "--role");
            try (LocalRegistry registry = db.openLocal()) {
                registry.accounts().setMember(namespace, user, parsed);
            }
            spec.commandLine().getOut().println(user + " is " + parsed.wire() + " of " + namespace);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a user from a namespace.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:success",
                "1:no such namespace or member, or the namespace would lose its last owner",
                "2:usage error (malformed --db URL)",
                "3:environment error (database unreachable)"})
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Parameters(index = "0", paramLabel = "NS")
        String namespace;

        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            try (LocalRegistry registry = db.openLocal()) {
                registry.accounts().removeMember(namespace, user);
            }
            spec.commandLine().getOut().println(user + " is no longer a member of " + namespace);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the members of a namespace.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:success",
                "1:no such namespace",
                "2:usage error (malformed --db URL)",
                "3:environment error (database unreachable)"})
    static final class ListMembers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Mixin
        JsonOption json;

        @Parameters(paramLabel = "NS")
        String namespace;

        @Override
        public Integer call() {
            List<Member> members;
            try (LocalRegistry registry = db.openLocal()) {
                members = registry.accounts().members(namespace);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled) {
                Json.print(out, new AccountJson.MembersJson(namespace,
                        members.stream().map(AccountJson.MemberJson::of).toList()));
                return ExitCodes.OK;
            }
            Table table = Table.of("USER", "ROLE");
            members.forEach(m -> table.row(m.user(), m.role().wire()));
            table.print(out);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
