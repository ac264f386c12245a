package dev.skillbase.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One file of a version to store: relative path with '/' separators, bytes, executable bit, and {@code digest},
 * the {@code sha256:<hex>} of the bytes that keys the blob holding them.
 */
public record NewFile(String path, byte[] content, boolean executable, String digest) {
    public NewFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(digest, "digest");
    }

    /** A file whose digest is computed here. */
    public NewFile(String path, byte[] content, boolean executable) {
        this(path, content, executable, sha256(Objects.requireNonNull(content, "content")));
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
