package dev.skillbase.registry;

/**
 * Who is reading, which decides what the registry shows. {@link #EVERYTHING}: the database's owner (local CLI
 * commands) or an admin, sees all. {@link #PUBLIC}: an anonymous caller, sees public skills in public namespaces;
 * an unlisted skill only by its exact name, never in lists or search. {@link #user}: a signed-in user, sees what
 * the public sees plus every skill of the namespaces they are a member of. Private skills and skills of private
 * namespaces are, to everyone else, as if they did not exist.
 */
public record Viewer(Kind kind, long userId) {
    public static final Viewer EVERYTHING = new Viewer(Kind.EVERYTHING, 0);
    public static final Viewer PUBLIC = new Viewer(Kind.PUBLIC, 0);

    public enum Kind {
        EVERYTHING,
        PUBLIC,
        USER
    }

    public static Viewer user(long userId) {
        return new Viewer(Kind.USER, userId);
    }
}
