package dev.skillbase.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command; prints usage when called without a subcommand. */
@Command(
        name = "skillbase",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The database and registry for Agent Skills.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            InitCommand.class,
            PushCommand.class,
            PullCommand.class,
            SyncCommand.class,
            PublishCommand.class,
            ListCommand.class,
            ShowCommand.class,
            SearchCommand.class,
            StatsCommand.class,
            ServeCommand.class,
            AdminCommand.class,
            UserCommand.class,
            NamespaceCommand.class,
            MemberCommand.class,
            TokenCommand.class,
            AgentsCommand.class,
            InstallCommand.class,
            UpdateCommand.class,
            OutdatedCommand.class,
            VerifyCommand.class,
            UninstallCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the input was invalid (validation failed, conflict)",
            "2:usage error (unknown option, bad argument)",
            "3:environment error (database or registry unreachable, credentials refused, file not writable)"
        })
public final class SkillbaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    private SkillbaseCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The environment the commands read (HOME, XDG folders): the process's, or a test's. */
    Map<String, String> env() {
        return env;
    }

    /** The environment of the command line {@code spec} belongs to. */
    static Map<String, String> env(CommandSpec spec) {
        return ((SkillbaseCommand) spec.root().userObject()).env();
    }

    /** A fully configured command line: subcommands, exit-code mapping, output writers. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** As {@link #commandLine()}, reading {@code env} instead of the process's environment (for tests). */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new SkillbaseCommand(env));
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setExitCodeExceptionMapper(ExitCodes::of);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }
}
