package dev.skillbase.cli;

import picocli.CommandLine;

/** Entry point of the {@code skillbase} program. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line in process and returns its exit code; used by {@link #main} and by tests. */
    public static int run(String... args) {
        return SkillbaseCommand.commandLine().execute(args);
    }
}
