package dev.skillbase.server;

import dev.skillbase.registry.SkillRef;
import java.net.URI;

/** Absolute URLs into the API, from the server's public base URL. Immutable. */
record Links(URI base) {
    String archive(SkillRef ref, String version) {
        return base + "/api/v1/skills/" + ref.namespace() + "/" + ref.name() + "/versions/" + version + "/archive";
    }

    /** The base URL of a namespace: discovery clients read {@code <it>/.well-known/...}. */
    String namespace(String namespace) {
        return base + "/ns/" + namespace;
    }

    String skill(SkillRef ref) {
        return base + "/api/v1/skills/" + ref.namespace() + "/" + ref.name();
    }

    String version(SkillRef ref, String version) {
        return base + "/api/v1/skills/" + ref.namespace() + "/" + ref.name() + "/versions/" + version;
    }
}
