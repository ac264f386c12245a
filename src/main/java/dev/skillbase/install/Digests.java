package dev.skillbase.install;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha256:<hex>} digests, the form the registry records. */
final class Digests {
    private Digests() {
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@code expected} as a {@code sha256:} digest: a bare 64-digit hex (as some indexes write it) gets the prefix. */
    static String normalize(String expected) {
        String value = expected.strip().toLowerCase(java.util.Locale.ROOT);
        return value.startsWith("sha256:") ? value : "sha256:" + value;
    }
}
