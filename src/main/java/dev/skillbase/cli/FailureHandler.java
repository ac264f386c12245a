package dev.skillbase.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The edge where a failed command is reported: one line naming the cause on stderr, the stack trace only
 * with {@code SKILLBASE_DEBUG=1}, and the exit code from {@link ExitCodes}.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine cli, ParseResult parsed) {
        cli.getErr().println("error: " + describe(failure));
        if ("1".equals(System.getenv("SKILLBASE_DEBUG"))) {
            failure.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return ExitCodes.of(failure);
    }

    static String describe(Throwable failure) {
        StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable cause = failure.getCause();
        while (cause != null && cause != failure) {
            String text = cause.getMessage();
            if (text != null && !message.toString().contains(text)) {
                message.append(": ").append(text);
            }
            failure = cause;
            cause = cause.getCause();
        }
        return message.toString();
    }
}
