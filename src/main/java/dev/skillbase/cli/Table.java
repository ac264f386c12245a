package dev.skillbase.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned columns for human output, fitted to {@value #WIDTH} characters: every column is as wide as its widest
 * cell up to its cap, and the last column takes what is left, shortened with an ellipsis.
 */
final class Table {
    static final int WIDTH = 100;
    private static final String GAP = "  ";

    private final String[] headers;
    private final int[] caps;
    private final List<String[]> rows = new ArrayList<>();
    private int keepEnd = -1;

    private Table(String[] headers, int[] caps) {
        this.headers = headers;
        this.caps = caps;
    }

    /** A table with these headers; every column but the last is capped at 40 characters. */
    static Table of(String... headers) {
        int[] caps = new int[headers.length];
        Arrays.fill(caps, 40);
        return new Table(headers, caps);
    }

    Table cap(int column, int width) {
        caps[column] = width;
        return this;
    }

    /** Shortens this column at its start rather than its end (for paths, whose end matters most). */
    Table keepEnd(int column) {
        keepEnd = column;
        return this;
    }

    Table row(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("a row needs " + headers.length + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] widths = widths();
        out.println(line(headers, widths));
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
    }

    private int[] widths() {
        int last = headers.length - 1;
        int[] widths = new int[headers.length];
        int used = 0;
        for (int column = 0; column < last; column++) {
            int widest = headers[column].length();
            for (String[] row : rows) {
                widest = Math.max(widest, row[column].length());
            }
            widths[column] = Math.min(widest, caps[column]);
            used += widths[column] + GAP.length();
        }
        widths[last] = Math.max(WIDTH - used, headers[last].length());
        return widths;
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            String cell = column == keepEnd ? shortenStart(cells[column], widths[column])
                    : shorten(cells[column], widths[column]);
            line.append(cell);
            if (column < cells.length - 1) {
                line.append(" ".repeat(widths[column] - cell.length())).append(GAP);
            }
        }
        return line.toString().stripTrailing();
    }

    /** The text on one line, its start cut to {@code width} characters with an ellipsis when longer. */
    static String shortenStart(String text, int width) {
        String reversed = new StringBuilder(text == null ? "" : text).reverse().toString();
        return new StringBuilder(shorten(reversed, width)).reverse().toString();
    }

    /** The text on one line, cut to {@code width} characters with an ellipsis when longer. */
    static String shorten(String text, int width) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= width) {
            return oneLine;
        }
        return oneLine.substring(0, Math.max(0, width - 1)) + "…";
    }
}
