package dev.skillbase.exec;

/** The skill's version declares no way to run it: it has no {@value RunManifest#FILE}. */
public final class NotExecutableException extends RuntimeException {
    public NotExecutableException(String message) {
        super(message);
    }
}
