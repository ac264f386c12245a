package dev.skillbase.server;

import dev.skillbase.account.AccessDeniedException;
import dev.skillbase.account.AccountConflictException;
import dev.skillbase.account.AuthenticationRequiredException;
import dev.skillbase.account.InvalidAccountInputException;
import dev.skillbase.account.InvalidTokenException;
import dev.skillbase.account.NamespaceNotFoundException;
import dev.skillbase.account.TokenNotFoundException;
import dev.skillbase.account.UserNotFoundException;
import dev.skillbase.exec.InvalidRunManifestException;
import dev.skillbase.exec.NotExecutableException;
import dev.skillbase.registry.InvalidReviewException;
import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.ReviewNotFoundException;
import dev.skillbase.registry.NoSuchVersionException;
import dev.skillbase.registry.SkillExistsException;
import dev.skillbase.registry.VersionConflictException;
import dev.skillbase.registry.VersionYankedException;
import dev.skillbase.skill.ArchiveTooLargeException;
import dev.skillbase.skill.BundleTooLargeException;
import dev.skillbase.skill.UnsafeArchiveException;
import dev.skillbase.store.DatabaseUnavailableException;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * The one place that maps a failure to an HTTP problem. Everything a client can cause gets a 4xx with a message
 * the client can act on; only real server faults become 500 (and only they are {@link Mapped#serverFault()}).
 */
public final class Problems {
    private Problems() {
    }

    /** A failure's status, problem kind, title, detail, field errors, and extra response headers. */
    public record Mapped(int status, String slug, String title, String detail, List<FieldError> errors,
            Map<String, String> headers) {

        Mapped(int status, String slug, String title, String detail) {
            this(status, slug, title, detail, List.of(), Map.of());
        }

        public boolean serverFault() {
            return status >= 500 && status != 503;
        }

        public ApiProblem toProblem(String instance, String requestId) {
            return new ApiProblem("urn:skillbase:problem:" + slug, title, status, detail, instance, requestId, errors);
        }
    }

    public static Mapped of(Throwable failure) {
        return switch (failure) {
            case InvalidParameterException e -> new Mapped(400, "invalid-parameter", "Invalid parameter",
                    e.getMessage(), List.of(new FieldError(e.parameter(), e.code(), e.getMessage())), Map.of());
            case SkillNotFoundException e -> new Mapped(404, "skill-not-found", "Skill not found", e.getMessage());
            case NamespaceNotFoundException e -> new Mapped(404, "namespace-not-found", "Namespace not found",
                    e.getMessage());
            case VersionNotFoundException e -> new Mapped(404, "not-found", "Not found", e.getMessage());
            case PublishRefusedException e -> unauthorized(e.getMessage(), "");
            case AuthenticationRequiredException e -> unauthorized(e.getMessage(), "");
            case InvalidTokenException e -> unauthorized(e.getMessage(), ", error=\"invalid_token\"");
            case AccessDeniedException e -> new Mapped(403, "forbidden", "Forbidden", e.getMessage());
            case UserNotFoundException e -> new Mapped(404, "user-not-found", "User not found", e.getMessage());
            case InstallationNotFoundException e -> new Mapped(404, "installation-not-found",
                    "Installation not found", e.getMessage());
            case ExecNotAllowedException e -> new Mapped(403, "exec-not-allowed", "Runs not allowed", e.getMessage());
            case ExecutionNotFoundException e -> new Mapped(404, "execution-not-found", "Run not found",
                    e.getMessage());
            case InvalidInputsException e -> new Mapped(422, "invalid-inputs", "Invalid inputs", e.getMessage(),
                    List.of(new FieldError("inputs", "schema", e.execution().message())), Map.of());
            case NotExecutableException e -> new Mapped(422, "not-executable", "Skill not executable",
                    e.getMessage());
            case InvalidRunManifestException e -> new Mapped(422, "invalid-run-manifest", "Invalid run manifest",
                    e.getMessage(), e.problems().stream().map(FieldError::of).toList(), Map.of());
            case TokenNotFoundException e -> new Mapped(404, "token-not-found", "Token not found", e.getMessage());
            case NoSuchSkillException e -> new Mapped(404, "skill-not-found", "Skill not found", e.getMessage());
            case NoSuchVersionException e -> new Mapped(404, "not-found", "Not found", e.getMessage());
            case ReviewNotFoundException e -> new Mapped(404, "review-not-found", "Review not found",
                    e.getMessage());
            case InvalidReviewException e -> new Mapped(422, "invalid-request", "Invalid request", e.getMessage(),
                    e.problems().stream().map(p -> new FieldError(p.field(), p.code(), p.message())).toList(),
                    Map.of());
            case SkillExistsException e -> new Mapped(409, "skill-exists", "Skill exists", e.getMessage());
            case AccountConflictException e -> new Mapped(409, "conflict", "Conflict", e.getMessage());
            case InvalidAccountInputException e -> new Mapped(422, "invalid-request", "Invalid request",
                    e.getMessage(), List.of(new FieldError(e.field(), e.code(), e.getMessage())), Map.of());
            case InvalidBodyException e -> new Mapped(422, "invalid-request", "Invalid request", e.getMessage(),
                    e.errors(), Map.of());
            case UnsupportedBodyTypeException e -> new Mapped(415, "unsupported-media-type",
                    "Unsupported media type", e.getMessage());
            case UnsupportedUploadTypeException e -> new Mapped(415, "unsupported-media-type",
                    "Unsupported media type", e.getMessage());
            case UploadTooLargeException e -> new Mapped(413, "upload-too-large", "Upload too large", e.getMessage());
            case ArchiveTooLargeException e -> new Mapped(413, "archive-too-large", "Archive expands too far",
                    e.getMessage(), List.of(FieldError.of(e.problem())), Map.of());
            case BundleTooLargeException e -> new Mapped(413, "archive-too-large", "Archive expands too far",
                    e.getMessage(), e.problems().stream().map(FieldError::of).toList(), Map.of());
            case UnsafeArchiveException e -> new Mapped(400, "unsafe-archive", "Archive refused", e.getMessage(),
                    List.of(FieldError.of(e.problem())), Map.of());
            case SkillInvalidException e -> new Mapped(422, "invalid-skill", "Invalid skill", e.getMessage(),
                    e.problems().stream().map(FieldError::of).toList(), Map.of());
            case VersionConflictException e -> new Mapped(409, "version-conflict", "Version already published",
                    e.getMessage());
            case VersionYankedException e -> new Mapped(409, "version-yanked", "Version yanked", e.getMessage());
            case JacksonException e -> new Mapped(400, "malformed-json", "Malformed JSON",
                    "the request body is not valid JSON: " + e.getOriginalMessage());
            case NotReadyException e -> new Mapped(503, "not-ready", "Not ready", e.getMessage(), List.of(),
                    Map.of("Retry-After", "5"));
            case AnalyticsBusyException e -> new Mapped(503, "analytics-busy", "Analytics busy", e.getMessage(),
                    List.of(), Map.of("Retry-After", "1"));
            case DatabaseUnavailableException e -> new Mapped(503, "database-unavailable", "Database unavailable",
                    "the database does not answer right now; try again shortly", List.of(), Map.of("Retry-After", "5"));
            case HttpResponseException e -> framework(e);
            default -> new Mapped(500, "internal-error", "Internal server error",
                    "the server failed while handling this request; quote the request id when reporting it");
        };
    }

    private static Mapped unauthorized(String detail, String error) {
        return new Mapped(401, "unauthorized", "Authentication required", detail, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"skillbase\"" + error));
    }

    /** Javalin's own refusals: no such route, a method the route does not take, a body over Javalin's limit. */
    private static Mapped framework(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> new Mapped(404, "route-not-found", "Not found", "there is no such resource: " + e.getMessage());
            case 405 -> new Mapped(405, "method-not-allowed", "Method not allowed",
                    "this resource does not take that method; it takes " + allowed(e), List.of(),
                    Map.of("Allow", allowed(e)));
            case 413 -> new Mapped(413, "upload-too-large", "Upload too large", "the request body is too large");
            default -> new Mapped(e.getStatus(), "http-" + e.getStatus(), String.valueOf(e.getMessage()),
                    String.valueOf(e.getMessage()));
        };
    }

    private static String allowed(HttpResponseException e) {
        String methods = e.getDetails().getOrDefault("availableMethods", "");
        return String.join(", ", methods.split("\\s*,\\s*"));
    }
}
