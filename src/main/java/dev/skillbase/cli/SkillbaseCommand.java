package dev.skillbase.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the input was invalid (validation failed, conflict)",
            "2:usage error (unknown option, bad argument)",
            "3:environment error (database or registry unreachable, credentials refused, file not writable)"
        })
public final class SkillbaseCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order the usage lists them. They are added in code rather than in {@code @Command}
     * so that a command line can be built with only the one a run needs: picocli builds its model of a command by
     * reflection, and doing so for every command took most of a short command's start-up.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
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
            MatchCommand.class,
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
            UninstallCommand.class,
            CacheCommand.class,
            SuggestCommand.class,
            MapCommand.class,
            RunCommand.class,
            ReviewCommand.class);

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
        return configured(env, SUBCOMMANDS);
    }

    /**
     * A command line that runs {@code args} as {@link #commandLine(Map)} would, built with only the subcommand
     * {@code args} names first (with its own subcommands) when it names one; with every subcommand otherwise
     * ({@code --help}, {@code help}, an unknown command, whose message suggests the nearest names).
     */
    public static CommandLine commandLine(Map<String, String> env, String... args) {
        Class<?> named = args.length == 0 ? null : subcommandNamed(args[0]);
        return configured(env, named == null ? SUBCOMMANDS : List.of(named));
    }

    private static Class<?> subcommandNamed(String name) {
        for (Class<?> subcommand : SUBCOMMANDS) {
            Command command = subcommand.getAnnotation(Command.class);
            if (name.equals(command.name()) || Arrays.asList(command.aliases()).contains(name)) {
                return subcommand == CommandLine.HelpCommand.class ? null : subcommand;
            }
        }
        return null;
    }

    private static CommandLine configured(Map<String, String> env, List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new SkillbaseCommand(env));
        for (Class<?> subcommand : subcommands) {
            cli.addSubcommand(subcommand);
        }
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
