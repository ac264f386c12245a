package dev.skillbase.server;

/** A path or query parameter with a value the API does not accept (400); names the parameter. */
public final class InvalidParameterException extends RuntimeException {
    private final String parameter;
    private final String code;

    public InvalidParameterException(String parameter, String code, String message) {
        super(message);
        this.parameter = parameter;
        this.code = code;
    }

    public String parameter() {
        return parameter;
    }

    public String code() {
        return code;
    }
}
