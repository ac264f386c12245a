package dev.skillbase.skill;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a bundle: its relative path with '/' separators, its bytes, and whether it is executable. The bytes
 * are copied on construction; treat the array {@link #content()} returns as read-only. Equality is by value.
 */
public record BundleFile(String path, byte[] content, boolean executable) {
    public BundleFile {
        Objects.requireNonNull(path, "path");
        content = Objects.requireNonNull(content, "content").clone();
    }

    public long size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BundleFile that
                && path.equals(that.path)
                && executable == that.executable
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * path.hashCode() + Arrays.hashCode(content)) + Boolean.hashCode(executable);
    }

    @Override
    public String toString() {
        return "BundleFile[" + path + ", " + content.length + " bytes" + (executable ? ", executable]" : "]");
    }
}
