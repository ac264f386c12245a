package dev.skillbase.skill;

/** Renders user values inside messages: quoted, control characters escaped, long values shortened. */
final class Texts {
    private static final int SHOWN = 60;

    private Texts() {
    }

    /** {@code "value"} with at most 60 characters of it, so one bad field cannot flood a report. */
    static String quote(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < text.length() && shown < SHOWN; i = text.offsetByCodePoints(i, 1), shown++) {
            int c = text.codePointAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        if (shown < text.codePointCount(0, text.length())) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}
