package dev.skillbase.cli;

/** The command line was well-formed for picocli but its values make no sense together (exit code 2). */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
