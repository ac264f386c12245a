package dev.skillbase.server;

import dev.skillbase.registry.SkillQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An opaque page cursor: base64url of {@code v1:<offset>:<fingerprint>}, where the fingerprint is a hash of the
 * filters, sort and search text, so a cursor only continues the query it came from (the page size may change).
 * It carries no secret and grants nothing: it only saves the client from computing offsets.
 */
final class Cursor {
    private Cursor() {
    }

    static String encode(int offset, String fingerprint) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + offset + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a cursor stands for; a 400 naming {@code cursor} when it is malformed or from another query. */
    static int decode(String cursor, String fingerprint) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor this server made");
        }
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw invalid("is not a cursor this server made");
        }
        if (!parts[2].equals(fingerprint)) {
            throw invalid("belongs to a query with other filters, sort or q: keep them as they were, or start over");
        }
        try {
            int offset = Integer.parseInt(parts[1]);
            if (offset >= 0 && offset <= SkillQuery.MAX_OFFSET) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("is not a cursor this server made");
    }

    static String fingerprint(SkillQuery query, Optional<String> text) {
        String canonical = String.join("\u0000", query.namespace().orElse(""), query.status().orElse(""),
                query.tag().orElse(""), query.category().orElse(""), query.sort().name(), text.orElse(""));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static InvalidParameterException invalid(String why) {
        return new InvalidParameterException("cursor", "invalid-cursor", "the cursor " + why);
    }
}
