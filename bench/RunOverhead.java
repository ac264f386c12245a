// The overhead of a skill run (issue 6, section 5: "under 150 ms for a trivial script"), in process, over an SQLite
// database that bench/run filled with one trivial skill (sh: read the input, print {"ok": true}). Three ways to
// run it, interleaved round by round so that the machine's load hits them alike:
//   script      the same `sh -c SCRIPT` started directly (ProcessBuilder, input on stdin): the script's own time
//   unsandboxed SkillRunner with --unsandboxed: validation, unpacking, prlimit, recording, no bubblewrap
//   sandboxed   SkillRunner in bubblewrap: what `skillbase run` does
//   java -cp target/skillbase.jar bench/RunOverhead.java DB_URL NS/NAME SCRIPT [ROUNDS]
// Prints per way the median and p90 wall ms and the mean CPU ms per run (this JVM's and the reaped children's).
import dev.skillbase.exec.Execution;
import dev.skillbase.exec.ExecutionStatus;
import dev.skillbase.exec.RunRequest;
import dev.skillbase.exec.Runner;
import dev.skillbase.exec.Sandbox;
import dev.skillbase.exec.SkillRunner;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

static final byte[] INPUT = "{\"text\": \"hello\"}".getBytes(StandardCharsets.UTF_8);

void main(String[] args) throws Exception {
    String db = args[0];
    String[] ref = args[1].split("/");
    String script = args[2];
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    SkillRef skill = new SkillRef(ref[0], ref[1]);
    try (LocalRegistry registry = LocalRegistry.open(db)) {
        Sandbox sandbox = Sandbox.bubblewrap().orElseThrow(() -> new IllegalStateException(
                "bench: no sandbox: apt-get install bubblewrap"));
        SkillRunner runner = new SkillRunner(registry, Optional.of(sandbox), Clock.systemUTC());
        Map<String, Step> ways = new LinkedHashMap<>();
        ways.put("script", () -> direct(script));
        ways.put("unsandboxed", () -> check(runner.run(request(skill, true))));
        ways.put("sandboxed", () -> check(runner.run(request(skill, false))));
        for (int i = 0; i < 5; i++) {          // warm-up: class loading, JIT, the database's first pages
            for (Step step : ways.values()) {
                step.run();
            }
        }
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        ways.keySet().forEach(way -> {
            wall.put(way, new ArrayList<>());
            cpu.put(way, new double[2]);
        });
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Step> way : ways.entrySet()) {
                double jvm0 = jvmCpuMs();
                double children0 = childrenCpuMs();
                long start = System.nanoTime();
                way.getValue().run();
                wall.get(way.getKey()).add((System.nanoTime() - start) / 1e6);
                cpu.get(way.getKey())[0] += jvmCpuMs() - jvm0;
                cpu.get(way.getKey())[1] += childrenCpuMs() - children0;
            }
        }
        for (String way : ways.keySet()) {
            double[] sorted = wall.get(way).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-12s wall p50 %7.1f ms  p90 %7.1f ms   cpu/run jvm %6.1f ms  children %6.1f ms%n",
                    way, percentile(sorted, 50), percentile(sorted, 90), cpu.get(way)[0] / rounds,
                    cpu.get(way)[1] / rounds);
        }
        double script50 = median(wall.get("script"));
        double sandboxed50 = median(wall.get("sandboxed"));
        double unsandboxed50 = median(wall.get("unsandboxed"));
        System.out.printf("overhead of run over the script (p50): %.1f ms  (sandbox start %.1f ms, validation + "
                + "unpacking + recording %.1f ms)  target < 150 ms  rounds=%d%n", sandboxed50 - script50,
                sandboxed50 - unsandboxed50, unsandboxed50 - script50, rounds);
    }
}

interface Step {
    void run() throws Exception;
}

static RunRequest request(SkillRef skill, boolean unsandboxed) {
    return new RunRequest(skill, Optional.empty(), INPUT, Runner.local(), Viewer.EVERYTHING, unsandboxed);
}

static void check(Execution execution) {
    if (execution.status() != ExecutionStatus.SUCCEEDED) {
        throw new IllegalStateException("bench: the run " + execution.status().wire() + ": " + execution.message()
                + " " + execution.stderrTail());
    }
}

static void direct(String script) throws Exception {
    Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    try (var in = process.getOutputStream()) {
        in.write(INPUT);
    }
    process.getInputStream().readAllBytes();
    if (process.waitFor() != 0) {
        throw new IllegalStateException("bench: the script failed");
    }
}

static double jvmCpuMs() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime() / 1e6;
}

/** User + system CPU of this process's reaped children (/proc/self/stat cutime, cstime; 100 ticks a second). */
static double childrenCpuMs() throws Exception {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10.0;
}

static double median(List<Double> values) {
    return percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 50);
}

static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
}
