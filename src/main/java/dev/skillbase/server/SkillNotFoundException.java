package dev.skillbase.server;

import dev.skillbase.registry.SkillRef;

/** No skill with this namespace and name (404). */
public final class SkillNotFoundException extends RuntimeException {
    public SkillNotFoundException(SkillRef ref) {
        super("there is no skill " + ref);
    }
}
