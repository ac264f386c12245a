package dev.skillbase.server;

/** A server setting with a value that cannot work; the message names the flag or environment variable (exit 2). */
public final class InvalidSettingException extends RuntimeException {
    public InvalidSettingException(String setting, String value, String expected) {
        super(setting + " " + (value == null ? "is missing" : "is \"" + value + "\"") + ": " + expected);
    }
}
