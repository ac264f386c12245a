package dev.skillbase.registry;

import java.util.Objects;

/** {@code namespace/name}. */
public record SkillRef(String namespace, String name) {
    public SkillRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
