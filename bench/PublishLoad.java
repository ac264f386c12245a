// Sequential publishes over one HttpClient: WARMUP publishes into NAME-warm, then N timed publishes of distinct
// versions (1.0.0, 1.0.1, ...) of NAME, each a small zip whose SKILL.md differs. Run by bench/load:
//   java bench/PublishLoad.java BASE_URL NAMESPACE NAME N [WARMUP]
// Prints one line: "publish N=<n> rps=<publishes/s> p50=<ms> p95=<ms> p99=<ms> errors=<n>".
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

void main(String[] args) throws Exception {
    String base = args[0];
    String namespace = args[1];
    String name = args[2];
    int n = Integer.parseInt(args[3]);
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 50;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int errors = 0;
    for (int i = 0; i < warmup; i++) {
        errors += publish(client, base, namespace, name + "-warm", i) ? 0 : 1;
    }
    long[] nanos = new long[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
        long t = System.nanoTime();
        errors += publish(client, base, namespace, name, i) ? 0 : 1;
        nanos[i] = System.nanoTime() - t;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "publish N=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d%n",
            n, n / seconds, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), errors);
}

boolean publish(HttpClient client, String base, String namespace, String name, int i)
        throws IOException, InterruptedException {
    URI uri = URI.create(base + "/api/v1/skills/" + namespace + "/" + name + "/versions?version=1.0." + i);
    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/zip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(zip(name, i))).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
        System.err.println("publish " + name + "@1.0." + i + ": HTTP " + response.statusCode() + " "
                + response.body().substring(0, Math.min(300, response.body().length())));
        return false;
    }
    return true;
}

byte[] zip(String name, int i) throws IOException {
    String skillMd = """
            ---
            name: %s
            description: Publish load test skill, revision %d. Use when measuring how fast the registry publishes.
            ---
            # %s

            Revision %d of a small skill published by bench/PublishLoad.java.
            """.formatted(name, i, name, i);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry("SKILL.md"));
        zip.write(skillMd.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("reference.md"));
        zip.write(("Reference notes, revision " + i + ".\n").repeat(20).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
    return bytes.toByteArray();
}

double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
}
