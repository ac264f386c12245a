package dev.skillbase.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.json}: the hand-written OpenAPI 3.1 document, a resource kept true by a test. */
final class OpenApiHandler {
    static final String RESOURCE = "/dev/skillbase/server/openapi.json";
    private final byte[] document;

    OpenApiHandler() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the jar");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    void handle(Context ctx) {
        if (!Etags.notModified(ctx, Etags.of(new String(document, java.nio.charset.StandardCharsets.UTF_8)))) {
            ctx.contentType("application/json").result(document);
        }
    }
}
