package dev.skillbase.exec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Text kept from a run (its input or its output), cut at a cap: {@code text} holds at most the cap's worth of UTF-8,
 * {@code bytes} is the full size.
 */
public record Captured(String text, long bytes) {
    /** How much of an input or output is kept in the execution log. */
    public static final int CAP_BYTES = 16 * 1024;

    public Captured {
        Objects.requireNonNull(text, "text");
    }

    /** The first {@link #CAP_BYTES} bytes of {@code content} (cut on a character boundary) and its full size. */
    public static Captured of(byte[] content) {
        if (content.length <= CAP_BYTES) {
            return new Captured(text(content, content.length), content.length);
        }
        int end = CAP_BYTES;
        while (end > 0 && (content[end] & 0xC0) == 0x80) {
            end--;
        }
        return new Captured(text(content, end), content.length);
    }

    /** The first {@code length} bytes as text, NUL (which PostgreSQL's text refuses) replaced by U+FFFD. */
    static String text(byte[] content, int length) {
        return new String(content, 0, length, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
    }

    /** Whether {@link #text()} is only the start of what was sent or printed. */
    public boolean truncated() {
        return bytes > CAP_BYTES;
    }
}
