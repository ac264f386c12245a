package dev.skillbase.server;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The id of each request: the caller's {@code X-Request-Id} when it is a plain token (letters, digits, {@code .},
 * {@code _}, {@code -}, {@code :}; at most 128), else a new one in the form of a UUID: 64 random bits drawn once per
 * process, then a counter. Unique across servers and restarts (short of a 1 in 2^64 clash) without asking
 * {@code SecureRandom} on every request, which cost a tenth of a cached read. The id is echoed as
 * {@code X-Request-Id}, logged in the access log, and put in problem bodies, so one failure can be followed across
 * client and server. Ids are labels, not secrets: they follow each other.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "skillbase.requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final long PROCESS = new SecureRandom().nextLong();
    private static final AtomicLong COUNTER = new AtomicLong(new SecureRandom().nextLong());

    private RequestIds() {
    }

    /** The request's id, assigned (and set on the response) on first use. */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            String incoming = ctx.header(HEADER);
            id = incoming != null && VALID.matcher(incoming).matches() ? incoming : next();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
        }
        return id;
    }

    /** A new id: the process's random half, then the next count. */
    static String next() {
        return new UUID(PROCESS, COUNTER.getAndIncrement()).toString();
    }
}
