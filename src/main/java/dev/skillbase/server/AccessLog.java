package dev.skillbase.server;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code skillbase.access} logger at info: method, path (never the query string, which
 * may carry a token), status, duration and request id. Headers are never logged, so neither is Authorization.
 */
final class AccessLog {
    static final String LOGGER = "skillbase.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    static void log(Context ctx, Float millis) {
        if (LOG.isInfoEnabled()) {
            // one string built by hand: a format pattern and String.format cost more than the rest of a cached read
            long tenths = millis == null ? 0 : Math.round(millis * 10.0);
            LOG.info(new StringBuilder(96).append(ctx.method()).append(' ').append(ctx.path()).append(' ')
                    .append(ctx.statusCode()).append(' ').append(tenths / 10).append('.').append(tenths % 10)
                    .append("ms id=").append(RequestIds.of(ctx)).toString());
        }
    }
}
