package dev.skillbase.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Strong entity tags and {@code If-None-Match} (weak comparison, as RFC 9110 asks for GET). */
final class Etags {
    private Etags() {
    }

    /** A strong tag from the parts that change whenever the representation does. */
    static String of(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A strong tag that is a {@code sha256:<hex>} digest itself. */
    static String ofDigest(String digest) {
        return "\"" + digest + "\"";
    }

    /**
     * Sets {@code ETag}; when the request's {@code If-None-Match} matches it, answers 304 and returns true (the
     * handler then writes nothing more).
     */
    static boolean notModified(Context ctx, String etag) {
        ctx.header("ETag", etag);
        String header = ctx.header("If-None-Match");
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                ctx.status(304);
                return true;
            }
        }
        return false;
    }
}
