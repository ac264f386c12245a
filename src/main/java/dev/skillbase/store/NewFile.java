package dev.skillbase.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** One file of a version to store: relative path with '/' separators, bytes, executable bit. */
public record NewFile(String path, byte[] content, boolean executable) {
    public NewFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /** {@code sha256:<hex>} of the bytes: the key of the blob that holds them. */
    public String digest() {
        return sha256(content);
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
