package dev.skillbase.registry;

import dev.skillbase.skill.FrontmatterException;
import dev.skillbase.skill.SkillDocument;
import dev.skillbase.suggest.PackageId;
import dev.skillbase.suggest.PackageQuery;
import dev.skillbase.suggest.PackageSuggestions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry over HTTP: a skillbase server's API v1, with the same contract as {@link LocalRegistry}. Absent
 * skills, versions and files (404) are empty results; a version conflict (409) is a
 * {@link VersionConflictException}; refused credentials (401, 403) a {@link RegistryAuthException}; bad input
 * (400, 413, 415, 422) a {@link RegistryRejectedException}; an unreachable server or a server fault a
 * {@link RegistryUnavailableException} naming the URL. Thread-safe.
 *
 * <p>Publishing uploads the bundle's deterministic tar.gz with {@code ?version=}, {@code ?category=} (the taxonomy
 * path) and {@code ?tags=}; the server validates strictly and records its own publisher and source URL, so
 * {@link PublishRequest#sourceUrl()}, {@code changelog} and {@code publishedBy} are not sent.
 */
public final class HttpRegistry implements Registry {
    /** The most packages the server takes in one bulk-suggest request. */
    private static final int SUGGEST_BATCH = 1000;
    private final RegistryTransport transport;

    private HttpRegistry(RegistryTransport transport) {
        this.transport = transport;
    }

    /**
     * A client of the server at {@code url} (nothing is sent yet), sending {@code token} as a bearer token.
     *
     * @throws InvalidRegistryUrlException when {@code url} is not an http(s) URL with a host
     */
    public static HttpRegistry open(String url, Optional<String> token) {
        return open(url, token, OfflineCache.off());
    }

    /**
     * As {@link #open(String, Optional)}, keeping every GET's answer in {@code cache} and reading from it when the
     * server cannot be reached.
     */
    public static HttpRegistry open(String url, Optional<String> token, OfflineCache cache) {
        return new HttpRegistry(RegistryTransport.open(url, token, cache));
    }

    /** The server's base URL. */
    public URI url() {
        return transport.base();
    }

    @Override
    public Optional<SkillDetails> skill(SkillRef ref) {
        RegistryTransport.Response response = transport.get(skillPath(ref), true);
        return found(response) ? Optional.of(WireRecords.skill(response.json())) : Optional.empty();
    }

    @Override
    public List<VersionInfo> versions(SkillRef ref) {
        RegistryTransport.Response response = transport.get(skillPath(ref) + "/versions", true);
        return found(response) ? WireRecords.versions(response.json()) : List.of();
    }

    @Override
    public Optional<VersionDetails> version(SkillRef ref, String version) {
        RegistryTransport.Response response = transport.get(versionPath(ref, version), true);
        if (!found(response)) {
            return Optional.empty();
        }
        String body = file(ref, version, "SKILL.md").map(HttpRegistry::body).orElse("");
        return Optional.of(WireRecords.manifest(response.json(), body));
    }

    @Override
    public Optional<byte[]> file(SkillRef ref, String version, String path) {
        String encoded = List.of(path.split("/", -1)).stream().map(HttpRegistry::encode)
                .collect(Collectors.joining("/"));
        RegistryTransport.Response response = transport.get(versionPath(ref, version) + "/files/" + encoded, true);
        return found(response) ? Optional.of(response.body()) : Optional.empty();
    }

    @Override
    public Optional<byte[]> archive(SkillRef ref, String version) {
        RegistryTransport.Response response = transport.get(versionPath(ref, version) + "/archive", true);
        return found(response) ? Optional.of(response.body()) : Optional.empty();
    }

    @Override
    public Map<String, String> versionTags(SkillRef ref) {
        RegistryTransport.Response response = transport.get(skillPath(ref) + "/tags", true);
        if (!found(response)) {
            throw new NoSuchSkillException(ref);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        response.json().path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
        return tags;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        List<String> query = new ArrayList<>();
        query.add("version=" + encode(request.version()));
        query.add("category=" + encode(request.taxonomyPath()));
        query.add("tags=" + encode(String.join(",", request.tags())));
        RegistryTransport.Response response = transport.post(skillPath(request.ref()) + "/versions?"
                + String.join("&", query), "application/gzip", request.bundle().archive());
        VersionInfo info = WireRecords.version(response.json());
        return new PublishResult(request.ref(), info.version(),
                response.status() == 201 ? PublishResult.Outcome.CREATED : PublishResult.Outcome.UNCHANGED, info);
    }

    @Override
    public Page<SkillSummary> list(SkillQuery query) {
        List<String> params = filters(query);
        params.add("sort=" + query.sort().name().toLowerCase(Locale.ROOT));
        return WireRecords.page(transport.get("/api/v1/skills?" + String.join("&", params), false).json(),
                WireRecords::summary);
    }

    @Override
    public Page<SearchHit> search(String text, SkillQuery query) {
        List<String> params = filters(query);
        params.add("q=" + encode(text));
        return WireRecords.page(transport.get("/api/v1/skills?" + String.join("&", params), false).json(),
                WireRecords::hit);
    }

    /** {@code POST /api/v1/match}; the filters of {@code query} other than its limit are not sent. */
    @Override
    public Page<MatchHit> match(String task, SkillQuery query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", task);
        body.put("limit", query.limit());
        RegistryTransport.Response response = transport.post("/api/v1/match", "application/json",
                RegistryTransport.JSON.writeValueAsBytes(body));
        return WireRecords.page(response.json(), WireRecords::match);
    }

    @Override
    public RegistryStats stats() {
        return WireRecords.stats(transport.get("/api/v1/stats", false).json());
    }

    @Override
    public List<SkillHead> heads(String namespace) {
        return WireRecords.heads(transport.get("/api/v1/sync/heads?namespace=" + encode(namespace), false).json());
    }

    @Override
    public void archiveSkill(SkillRef ref) {
        if (!found(transport.delete(skillPath(ref)))) {
            throw new NoSuchSkillException(ref);
        }
    }

    /** {@code POST /api/v1/skills/bulk-suggest}: one request per {@value #SUGGEST_BATCH} packages. */
    @Override
    public List<PackageSuggestions> suggest(List<PackageQuery> packages, int limit) {
        List<PackageSuggestions> all = new ArrayList<>(packages.size());
        for (int from = 0; from < packages.size(); from += SUGGEST_BATCH) {
            List<PackageQuery> batch = packages.subList(from, Math.min(packages.size(), from + SUGGEST_BATCH));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("packages", batch.stream().map(PackageQuery::toString).toList());
            body.put("limit", limit);
            RegistryTransport.Response response = transport.post("/api/v1/skills/bulk-suggest", "application/json",
                    RegistryTransport.JSON.writeValueAsBytes(body));
            all.addAll(WireRecords.suggestions(response.json(), batch));
        }
        return all;
    }

    /**
     * {@code PUT /api/v1/skills/{ns}/{name}/packages}; a 404 is {@link NoSuchSkillException}, another refusal (401,
     * 403, 422) is thrown as the transport throws it.
     */
    @Override
    public void map(PackageId pkg, SkillRef skill, double confidence, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("package", pkg.toString());
        body.put("confidence", confidence);
        body.put("reason", reason);
        if (!found(transport.put(skillPath(skill) + "/packages", "application/json",
                RegistryTransport.JSON.writeValueAsBytes(body)))) {
            throw new NoSuchSkillException(skill);
        }
    }

    /**
     * {@code POST .../reviews} as the token's user; a 404 is {@link NoSuchSkillException}, another refusal (401,
     * 403, 422) is thrown as the transport throws it.
     */
    @Override
    public Review.Saved review(SkillRef skill, ReviewInput review) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", review.rating());
        body.put("title", review.title());
        body.put("body", review.body());
        review.version().ifPresent(v -> body.put("version", v));
        RegistryTransport.Response response = transport.send("POST", skillPath(skill) + "/reviews",
                RegistryTransport.JSON.writeValueAsBytes(body));
        if (!found(response)) {
            throw new NoSuchSkillException(skill);
        }
        return new Review.Saved(WireRecords.review(response.json()), response.status() == 201);
    }

    /** {@code POST .../install}; nothing is sent (empty) without a token. */
    @Override
    public Optional<Installation.Recorded> recordInstallation(SkillRef ref, NewInstallation installation) {
        if (!transport.hasToken()) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", installation.version());
        body.put("agent", installation.agent());
        body.put("scope", installation.scope());
        body.put("auto_update", installation.autoUpdate());
        RegistryTransport.Response response = transport.post(skillPath(ref) + "/install", "application/json",
                RegistryTransport.JSON.writeValueAsBytes(body));
        return Optional.of(new Installation.Recorded(WireRecords.installation(response.json()),
                response.status() == 201));
    }

    /** {@code DELETE .../install?agent=&scope=}; nothing is sent (false) without a token. */
    @Override
    public boolean removeInstallation(SkillRef ref, String agent, String scope) {
        return transport.hasToken() && found(transport.delete(skillPath(ref) + "/install?agent=" + encode(agent)
                + "&scope=" + encode(scope)));
    }

    @Override
    public void close() {
        transport.close();
    }

    private static List<String> filters(SkillQuery query) {
        List<String> params = new ArrayList<>();
        query.namespace().ifPresent(v -> params.add("namespace=" + encode(v)));
        query.status().ifPresent(v -> params.add("status=" + encode(v)));
        query.tag().ifPresent(v -> params.add("tag=" + encode(v)));
        query.category().ifPresent(v -> params.add("category=" + encode(v)));
        params.add("limit=" + query.limit());
        params.add("offset=" + query.offset());
        return params;
    }

    private static boolean found(RegistryTransport.Response response) {
        return response.status() != 404;
    }

    private static String body(byte[] skillMd) {
        try {
            return SkillDocument.parse(new String(skillMd, StandardCharsets.UTF_8)).body();
        } catch (FrontmatterException e) {
            // a published SKILL.md always parsed; a server holding one that does not is not this client's to fix
            return "";
        }
    }

    private static String skillPath(SkillRef ref) {
        return "/api/v1/skills/" + encode(ref.namespace()) + "/" + encode(ref.name());
    }

    private static String versionPath(SkillRef ref, String version) {
        return skillPath(ref) + "/versions/" + encode(version);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
