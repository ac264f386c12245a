package dev.skillbase.account;

/** A name, role, scope or expiry that is not acceptable; {@code field} names the input it came from. */
public final class InvalidAccountInputException extends RuntimeException {
    private final String field;
    private final String code;

    public InvalidAccountInputException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
