package dev.skillbase.account;

/** No namespace of this name, or none the caller may see. */
public final class NamespaceNotFoundException extends RuntimeException {
    public NamespaceNotFoundException(String name) {
        super("there is no namespace " + name);
    }
}
