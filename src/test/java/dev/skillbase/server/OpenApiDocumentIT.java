package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.DbKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes exactly the routes the server registers: no more, no fewer. */
class OpenApiDocumentIT {

    @Test
    void every_registered_route_is_documented_and_every_documented_route_exists() throws IOException {
        JsonNode document;
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(OpenApiHandler.RESOURCE)) {
            document = Json.MAPPER.readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

        Set<String> registered = new TreeSet<>();
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            t.server.routes().forEach(route -> registered.add(route.method() + " "
                    + route.path().replace('<', '{').replace('>', '}')));
        }

        assertThat(registered).isNotEmpty();
        assertThat(documented).isEqualTo(registered);
        assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
    }
}
