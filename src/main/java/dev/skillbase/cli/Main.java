package dev.skillbase.cli;

import picocli.CommandLine;

/** Entry point of the {@code skillbase} program. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // answered before picocli builds its model of every command, which costs about half of a
            // --version run's time; the output is the same as picocli's
            System.out.println(new VersionProvider().getVersion()[0]);
            System.exit(ExitCodes.OK);
        }
        System.exit(run(args));
    }

    /** Runs one command line in process and returns its exit code; used by {@link #main} and by tests. */
    public static int run(String... args) {
        return SkillbaseCommand.commandLine(System.getenv(), args).execute(args);
    }
}
