package dev.skillbase.store;

/** A database setting that cannot be understood: unknown scheme, missing host, bad port, empty path (exit 2). */
public final class InvalidDatabaseUrlException extends RuntimeException {
    private final String setting;

    /**
     * @param setting the setting that held the value ({@code --db}, {@code SKILLBASE_DB})
     * @param shownValue the value with any password already masked
     */
    public InvalidDatabaseUrlException(String setting, String shownValue, String problem) {
        super("invalid database URL in " + setting + " '" + shownValue + "': " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
