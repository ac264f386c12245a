package dev.skillbase.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem, the body of every error response ({@code application/problem+json}). {@code type} is a URN
 * naming the kind of problem ({@code urn:skillbase:problem:<slug>}), stable for clients to branch on;
 * {@code instance} is the request's path; {@code request_id} matches the {@code X-Request-Id} header and the access
 * log; {@code errors} lists every field-level problem (validation), and is left out when there is none.
 */
public record ApiProblem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
