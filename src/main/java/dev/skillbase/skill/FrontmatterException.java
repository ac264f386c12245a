package dev.skillbase.skill;

/** A SKILL.md whose frontmatter cannot be read; {@link #code()} is stable, the message names the cause. */
public final class FrontmatterException extends RuntimeException {
    private final String code;

    public FrontmatterException(String code, String message) {
        super(message);
        this.code = code;
    }

    public FrontmatterException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
