package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {

    private static String print(Table table) {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void aligns_columns_and_fits_lines_into_100_characters() {
        String text = print(Table.of("SKILL", "VERSION", "DESCRIPTION")
                .row("local/a", "0.1.0", "short")
                .row("local/a-much-longer-name", "10.20.30", "x".repeat(300)));

        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Table.WIDTH));
        assertThat(lines[1].indexOf("0.1.0")).isEqualTo(lines[2].indexOf("10.20.30"));
        assertThat(lines[2]).endsWith("…");
    }

    @Test
    void shortens_to_one_line_with_an_ellipsis() {
        assertThat(Table.shorten("one\ntwo   three", 20)).isEqualTo("one two three");
        assertThat(Table.shorten("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(Table.shorten(null, 5)).isEmpty();
    }

    @Test
    void can_shorten_a_column_at_its_start_to_keep_the_end_of_a_path() {
        String text = print(Table.of("A", "PATH").keepEnd(1).row("a", "x".repeat(200) + "/the/leaf"));

        assertThat(text.split("\n")[1]).startsWith("a  …").endsWith("/the/leaf").hasSize(Table.WIDTH);
    }

    @Test
    void caps_a_column_and_cuts_what_is_longer() {
        String text = print(Table.of("A", "B").cap(0, 6).row("abcdefghij", "b"));

        assertThat(text.split("\n")[1]).startsWith("abcde…  b");
    }
}
