package dev.skillbase.server;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the problem for any failure that escaped a handler (registered for every exception), and logs server
 * faults once, here, with the request id and the exception. Client mistakes are not logged beyond the access log.
 */
final class ProblemResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

    private final JsonMapper json;

    ProblemResponder(JsonMapper json) {
        this.json = json;
    }

    void respond(Exception failure, Context ctx) {
        String requestId = RequestIds.of(ctx);
        Problems.Mapped mapped = Problems.of(failure);
        if (mapped.serverFault()) {
            LOG.error("{} {} failed (request {})", ctx.method(), ctx.path(), requestId, failure);
        }
        mapped.headers().forEach(ctx::header);
        ctx.status(mapped.status())
                .contentType(ApiProblem.MEDIA_TYPE)
                .result(json.writeValueAsString(mapped.toProblem(ctx.path(), requestId)));
    }
}
