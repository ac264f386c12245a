package dev.skillbase.skill;

/**
 * An uploaded archive refused before any of it is used: an entry that is not a plain file or folder (symbolic or
 * hard link, device, fifo), a path that could escape the skill folder or appears twice, a body that is not a
 * readable tar.gz or zip. {@link #problem()} names the entry (as the field) and a stable code.
 */
public class UnsafeArchiveException extends BundleException {
    private final transient Problem problem;

    public UnsafeArchiveException(String entry, String code, String message) {
        this(entry, code, message, null);
    }

    public UnsafeArchiveException(String entry, String code, String message, Throwable cause) {
        super(message, cause);
        this.problem = Problem.error(entry, code, message);
    }

    public Problem problem() {
        return problem;
    }
}
