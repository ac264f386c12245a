// Suggest latency for a project of N dependencies (default 300), over a registry database that bench/suggest
// filled: in process (MappingStore.suggest, what the server's handler calls: one query) and over HTTP
// (POST /api/v1/skills/bulk-suggest to a server started in this JVM on a free port). The project's packages are
// every package some alias maps to (so answers are non-empty) plus made-up ones up to N, as a real project's mostly
// unmapped dependency list. Run with the built jar on the class path:
//   java -cp target/skillbase.jar bench/SuggestLatency.java DB_URL [N] [ROUNDS]
// Prints "suggest packages=N in-process p50=.. p95=.. ms  http p50=.. p95=.. ms  skills=<proposed>".
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Viewer;
import dev.skillbase.server.PublishGuard;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import dev.skillbase.suggest.PackageQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

void main(String[] args) throws Exception {
    String db = args[0];
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    List<String> packages = project(n);
    List<PackageQuery> queries = packages.stream().map(PackageQuery::parse).toList();
    String body = "{\"packages\":[" + String.join(",", packages.stream().map(p -> "\"" + p + "\"").toList())
            + "],\"limit\":5}";
    try (LocalRegistry registry = LocalRegistry.open(db);
            SkillbaseServer server = SkillbaseServer.start(ServerSettings.local(registry.url(), false), registry,
                    PublishGuard.anonymous(false))) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest post = HttpRequest.newBuilder(server.url().resolve("/api/v1/skills/bulk-suggest"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long proposed = 0;
        for (int warm = 0; warm < 20; warm++) {
            proposed = registry.mappings().suggest(queries, Viewer.PUBLIC, 5).stream()
                    .mapToLong(g -> g.skills().size()).sum();
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("bulk-suggest answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
        long[] local = new long[rounds];
        long[] remote = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            registry.mappings().suggest(queries, Viewer.PUBLIC, 5);
            local[i] = System.nanoTime() - start;
            start = System.nanoTime();
            http.send(post, HttpResponse.BodyHandlers.discarding());
            remote[i] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "suggest packages=%d in-process p50=%.1f p95=%.1f ms  http p50=%.1f p95=%.1f ms"
                + "  skills=%d%n", n, ms(local, 0.50), ms(local, 0.95), ms(remote, 0.50), ms(remote, 0.95), proposed);
    }
}

static double ms(long[] nanos, double quantile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
}

/** Every package the alias file names (and a Maven artifact of each group), then made-up ones up to n. */
static List<String> project(int n) throws Exception {
    Set<String> packages = new LinkedHashSet<>();
    String aliases = new String(LocalRegistry.class.getResourceAsStream("/dev/skillbase/suggest/package-aliases.json")
            .readAllBytes(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\"((?:npm|maven|pypi|go|cargo|gem|composer):[^\"]+)\"").matcher(aliases);
    while (m.find() && packages.size() < n) {
        packages.add(m.group(1).replace(":*", ":some-artifact"));
    }
    List<String> ecosystems = List.of("npm", "pypi", "maven", "cargo", "go");
    for (int i = 0; packages.size() < n; i++) {
        String eco = ecosystems.get(i % ecosystems.size());
        packages.add(eco + ":" + (eco.equals("maven") ? "com.example.lib" + i + ":artifact" : "dependency-" + i));
    }
    return new ArrayList<>(packages);
}
