package dev.skillbase.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to one registry server: sends requests with the bearer token, and turns every answer that is not a success
 * (nor a 404 the caller asked to see) into the registry's exceptions, from the server's RFC 9457 problem. GETs go
 * through a {@link ResponseCache}, which answers them when the server cannot be reached. Thread-safe.
 */
final class RegistryTransport implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<Integer> REJECTED = Set.of(400, 413, 415, 422);

    /** A response that passed the status checks, with its ETag when the server sent one. */
    record Response(int status, byte[] body, Optional<String> etag) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http;
    private final ResponseCache cache;

    private RegistryTransport(URI base, Optional<String> token, OfflineCache cache) {
        this.base = base;
        this.token = token.map(String::strip).filter(t -> !t.isEmpty());
        this.cache = cache.forRegistry(base, this.token);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).sslContext(DeferredTrust.context())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** @throws InvalidRegistryUrlException when {@code url} is not an http(s) URL with a host */
    static RegistryTransport open(String url, Optional<String> token, OfflineCache cache) {
        return new RegistryTransport(parse(url), token, cache);
    }

    static URI parse(String url) {
        String trimmed = url == null ? "" : url.strip();
        try {
            URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidRegistryUrlException("--registry '" + url + "' is not a registry URL: expected "
                + "http://HOST[:PORT][/PATH] or https://..., e.g. http://127.0.0.1:8080");
    }

    URI base() {
        return base;
    }

    /** Whether requests carry a bearer token. */
    boolean hasToken() {
        return token.isPresent();
    }

    Response get(String path, boolean notFoundIsAnswer) {
        return cache.get(path, ifNoneMatch -> {
            HttpRequest.Builder request = request(path);
            ifNoneMatch.ifPresent(tag -> request.header("If-None-Match", tag));
            return send(request.GET().build(), notFoundIsAnswer);
        });
    }

    Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), false);
    }

    /** A request with a JSON body; a 404 is an answer. */
    Response send(String method, String path, byte[] json) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json)).build(), true);
    }

    /** A PUT; a 404 is an answer. */
    Response put(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), true);
    }

    /** A DELETE; a 404 is an answer. */
    Response delete(String path) {
        return send(request(path).DELETE().build(), true);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json, */*")
                .header("User-Agent", "skillbase-cli");
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private Response send(HttpRequest request, boolean notFoundIsAnswer) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RegistryUnavailableException("cannot reach the registry at " + base + " ("
                    + request.method() + " " + request.uri().getRawPath() + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while calling the registry at " + base, e);
        }
        int status = response.statusCode();
        // a 304 answers only a conditional GET, which the response cache sends and completes from its copy
        if (status / 100 == 2 || status == 304 || status == 404 && notFoundIsAnswer) {
            return new Response(status, response.body(), response.headers().firstValue("ETag"));
        }
        throw failure(request, status, response.body());
    }

    private RuntimeException failure(HttpRequest request, int status, byte[] body) {
        Problem problem = Problem.of(body);
        String what = request.method() + " " + request.uri().getRawPath();
        String detail = problem.detail().orElse("HTTP " + status);
        return switch (status) {
            case 401, 403 -> new RegistryAuthException(status, "the registry at " + base + " refused " + what + " ("
                    + status + "): " + detail + (token.isEmpty()
                            ? " (no token was sent: pass --token or set SKILLBASE_TOKEN)" : ""));
            case 409 -> new VersionConflictException(detail);
            default -> REJECTED.contains(status)
                    ? new RegistryRejectedException(status, "the registry at " + base + " rejected " + what + " ("
                            + status + "): " + detail + problem.errorLines(), problem.errors())
                    : new RegistryUnavailableException("the registry at " + base + " failed " + what + " (" + status
                            + "): " + detail);
        };
    }

    /** The first message along the causes (the JDK's ConnectException often has none of its own). */
    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof java.net.ConnectException ? "connection refused (is the server running?)"
                : e.getClass().getSimpleName();
    }

    /** The parts of an RFC 9457 problem the client reports. */
    private record Problem(Optional<String> detail, List<String> errors) {
        static Problem of(byte[] body) {
            try {
                JsonNode node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                List<String> errors = new ArrayList<>();
                node.path("errors").forEach(e -> errors.add(e.path("field").asString("") + ": "
                        + e.path("message").asString("")));
                return new Problem(Optional.ofNullable(node.get("detail")).map(JsonNode::asString), errors);
            } catch (JacksonException | IllegalArgumentException e) {
                String text = new String(body, StandardCharsets.UTF_8).strip();
                return new Problem(text.isEmpty() ? Optional.empty()
                        : Optional.of(text.substring(0, Math.min(200, text.length()))), List.of());
            }
        }

        String errorLines() {
            return errors.isEmpty() ? "" : "\n  " + String.join("\n  ", errors);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
