package dev.skillbase.sync;

import java.util.Objects;

/**
 * How to push a folder.
 *
 * @param namespace the namespace every skill is published under
 * @param dryRun report what would happen, write nothing
 * @param force publish a new patch version even of a skill whose content is unchanged (e.g. to record a new
 *     taxonomy path after its folder moved)
 */
public record PushOptions(String namespace, boolean dryRun, boolean force) {
    public PushOptions {
        Objects.requireNonNull(namespace, "namespace");
    }
}
