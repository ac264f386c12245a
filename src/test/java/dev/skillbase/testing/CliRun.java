package dev.skillbase.testing;

import dev.skillbase.cli.SkillbaseCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the {@code skillbase} command line in process and captures what it printed. */
public final class CliRun {
    private CliRun() {
    }

    /** The exit code and the text printed to stdout and stderr. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    public static Result run(String... args) {
        return run(System.getenv(), args);
    }

    /** As {@link #run(String...)}, with {@code env} as the environment the commands read (HOME, XDG folders). */
    public static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SkillbaseCommand.commandLine(env, args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
