package dev.skillbase.cli;

import java.io.PrintWriter;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON writer of the CLI: properties in record order, indented, one document per call. Commands reach the
 * mapper only through this class, so a command line that prints no JSON (such as {@code --version}) never loads
 * Jackson: picocli instantiates every subcommand at start-up.
 */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** {@code text} as a JSON string literal (also a valid YAML double-quoted scalar). */
    static String quote(String text) {
        return MAPPER.writeValueAsString(text);
    }

    static void print(PrintWriter out, Object document) {
        out.println(MAPPER.writeValueAsString(document));
        out.flush();
    }
}
