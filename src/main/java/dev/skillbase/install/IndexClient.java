package dev.skillbase.install;

import dev.skillbase.registry.DeferredTrust;
import dev.skillbase.registry.RegistryUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a well-known discovery index ({@code BASE/.well-known/agent-skills/index.json}, discovery RFC v0.2) and the
 * archives it points at. Only {@code archive} entries are understood. Thread-safe.
 */
final class IndexClient implements AutoCloseable {
    static final String INDEX_PATH = "/.well-known/agent-skills/index.json";

    /** One skill of an index: its name, the archive's absolute URL and the digest the index promises. */
    record Entry(String name, URI archive, String digest) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .sslContext(DeferredTrust.context()).followRedirects(HttpClient.Redirect.NORMAL).build();

    /** The base URL without a trailing slash. @throws InvalidSourceException when it is not an http(s) URL */
    static URI base(String url) {
        String trimmed = url.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidSourceException("'" + url + "' is not the base URL of a discovery index: expected "
                + "http(s)://HOST[:PORT][/PATH], e.g. http://127.0.0.1:8080/ns/acme");
    }

    /** The archive entries of the index under {@code base}. */
    List<Entry> entries(URI base) {
        URI index = URI.create(base + INDEX_PATH);
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(get(index));
        } catch (JacksonException e) {
            throw new InvalidSourceException("the discovery index " + index + " is not JSON: " + e.getOriginalMessage());
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode skill : root.path("skills")) {
            if (skill.path("type").asString("archive").equals("archive") && skill.hasNonNull("url")
                    && skill.hasNonNull("digest")) {
                entries.add(new Entry(skill.path("name").asString(), index.resolve(skill.path("url").asString()),
                        Digests.normalize(skill.path("digest").asString())));
            }
        }
        return entries;
    }

    /** The bytes at {@code uri}. @throws RegistryUnavailableException unreachable or not a 200 */
    byte[] get(URI uri) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                    .header("User-Agent", "skillbase-cli").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RegistryUnavailableException("cannot reach " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while fetching " + uri, e);
        }
        if (response.statusCode() == 404) {
            throw new SourceNotFoundException("there is nothing at " + uri + " (404): is the URL the base of a "
                    + "discovery index?");
        }
        if (response.statusCode() != 200) {
            throw new RegistryUnavailableException("fetching " + uri + " failed with HTTP " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() {
        http.close();
    }
}
