package dev.skillbase.testing;

import dev.skillbase.registry.LocalRegistry;

/** A separate process for multi-process tests: publishes {@code count} skills named {@code prefix-N} into a database. */
public final class PublishBatch {
    private PublishBatch() {
    }

    /** Arguments: database URL, name prefix, count. Exits 0 when every publish succeeded. */
    public static void main(String[] args) {
        try (LocalRegistry registry = LocalRegistry.open(args[0])) {
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                registry.publish(TestVersions.skill("acme", args[1] + "-" + i).file("shared.txt", "same").build());
            }
        }
    }
}
