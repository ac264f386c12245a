package dev.skillbase.cli;

/** The line under a page of results: which of how many were shown. */
final class PageFooter {
    private PageFooter() {
    }

    static String of(int shown, int offset, long total) {
        if (shown == 0) {
            return total == 0 ? "no skills match" : "no skills at offset " + offset + " (" + total + " match)";
        }
        return "skills " + (offset + 1) + "-" + (offset + shown) + " of " + total;
    }
}
