package dev.skillbase.server;

import dev.skillbase.registry.SkillRef;
import java.net.URI;

/** Absolute URLs into the API, from the server's public base URL. Immutable. */
record Links(URI base) {
    String archive(SkillRef ref, String version) {
        return base + "/api/v1/skills/" + ref.namespace() + "/" + ref.name() + "/versions/" + version + "/archive";
    }

    String skill(SkillRef ref) {
        return base + "/api/v1/skills/" + ref.namespace() + "/" + ref.name();
    }

    String version(SkillRef ref, String version) {
        return base + "/api/v1/skills/" + ref.namespace() + "/" + ref.name() + "/versions/" + version;
    }
}
