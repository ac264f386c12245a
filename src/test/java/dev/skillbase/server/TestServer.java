package dev.skillbase.server;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.search.MatchVectors;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/** The real server on port 0 over a fresh database, and an HTTP client to call it. Close it after the test. */
final class TestServer implements AutoCloseable {
    final String dbUrl;
    final LocalRegistry registry;
    final SkillbaseServer server;
    final HttpClient http = HttpClient.newHttpClient();

    private TestServer(String dbUrl, UnaryOperator<ServerSettings> settings, MatchVectors vectors) {
        this.dbUrl = dbUrl;
        ServerSettings chosen = settings.apply(ServerSettings.local(DatabaseUrl.parse(dbUrl), true));
        this.registry = LocalRegistry.open(chosen.database(), Clock.systemUTC(), vectors);
        this.server = SkillbaseServer.start(chosen, registry);
    }

    static TestServer start(DbKind kind) {
        return new TestServer(TestDatabases.freshUrl(kind), s -> s, MatchVectors.OFF);
    }

    static TestServer start(DbKind kind, UnaryOperator<ServerSettings> settings) {
        return new TestServer(TestDatabases.freshUrl(kind), settings, MatchVectors.OFF);
    }

    /** A server over an existing database, matching with vectors as {@code vectors} says (as serve does: on). */
    static TestServer start(String dbUrl, MatchVectors vectors) {
        return new TestServer(dbUrl, s -> s, vectors);
    }

    URI uri(String path) {
        return URI.create(server.url() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder builder = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> publish(String namespace, String name, byte[] tarGz) {
        return post("/api/v1/skills/" + namespace + "/" + name + "/versions", "application/gzip", tarGz);
    }

    /** {@code method path} with an optional bearer token and an optional JSON body. */
    HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest.Builder builder = request(path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            registry.close();
            http.close();
        }
    }
}
