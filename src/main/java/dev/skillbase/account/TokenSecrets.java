package dev.skillbase.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: {@code sb_} and 32 random bytes, base64url (46 characters in all). Only the SHA-256 (hex) of a secret
 * is stored; a presented token is found by its hash, so raw secrets are never compared or kept.
 */
public final class TokenSecrets {
    public static final String PREFIX = "sb_";
    /** How many characters of a secret are kept to recognise it in lists ({@code sb_} and 8 more). */
    static final int SHOWN = PREFIX.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String shownPart(String secret) {
        return secret.substring(0, SHOWN);
    }

    /** Whether the text has the shape of a secret this registry issues (before any database lookup). */
    static boolean wellFormed(String text) {
        return text.startsWith(PREFIX) && text.length() == PREFIX.length() + 43
                && text.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                        || c == '-' || c == '_');
    }
}
