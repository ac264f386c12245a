package dev.skillbase.server;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of each request: the caller's {@code X-Request-Id} when it is a plain token (letters, digits, {@code .},
 * {@code _}, {@code -}, {@code :}; at most 128), else a new random UUID. It is echoed as {@code X-Request-Id}, logged
 * in the access log, and put in problem bodies, so one failure can be followed across client and server.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "skillbase.requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The request's id, assigned (and set on the response) on first use. */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            String incoming = ctx.header(HEADER);
            id = incoming != null && VALID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
        }
        return id;
    }
}
