package dev.skillbase.server;

/** No namespace of this name holds a skill the caller may see (404). */
public final class NamespaceNotFoundException extends RuntimeException {
    public NamespaceNotFoundException(String namespace) {
        super("there is no namespace " + namespace + " with public skills");
    }
}
