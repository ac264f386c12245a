package dev.skillbase.cli;

/** The user's input was read but is not acceptable: validation failed, a conflict (exit code 1). */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
