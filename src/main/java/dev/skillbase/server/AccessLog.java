package dev.skillbase.server;

import io.javalin.http.Context;
import java.util.Locale;
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
            LOG.info("{} {} {} {}ms id={}", ctx.method(), ctx.path(), ctx.statusCode(),
                    String.format(Locale.ROOT, "%.1f", millis == null ? 0f : millis), RequestIds.of(ctx));
        }
    }
}
