// Task-to-skill matching, in process: runs the evaluation set (bench/match-eval.tsv: task, tab, expected skill names)
// against a registry database and prints recall@1, recall@3 and MRR (over the first 10 results), the tasks whose
// expected skill is not in the top 3, then the latency of Registry.match (wall time and the CPU time of the matching
// thread) over the set's tasks. Run by bench/match with the built jar on the class path:
//   java -cp target/skillbase.jar bench/MatchEval.java DB_URL bench/match-eval.tsv [ROUNDS] [generated] [vectors]
// With "generated" the database holds copies made by bench/GenerateSkills.java (named <name>-<k>): a copy of an
// expected skill counts as the expected skill. With "vectors" match fuses keywords with sentence vectors
// (MatchVectors.ON_MATCH): the first match loads the model and embeds every skill still without a vector, timed
// apart (wall and the whole process's CPU, the model using every core).
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.MatchHit;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.Viewer;
import dev.skillbase.search.MatchVectors;
import dev.skillbase.store.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

record Task(String text, Set<String> expected) {
}

void main(String[] args) throws Exception {
    String db = args[0];
    List<Task> tasks = Files.readAllLines(Path.of(args[1])).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> line.split("\t"))
            .map(f -> new Task(f[0], Set.of(f[1].split(","))))
            .toList();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> flags = Arrays.asList(args).subList(Math.min(3, args.length), args.length);
    boolean generated = flags.contains("generated");
    MatchVectors vectors = flags.contains("vectors") ? MatchVectors.ON_MATCH : MatchVectors.OFF;
    SkillQuery top = new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            SkillQuery.Sort.NAME, 10, 0, Viewer.EVERYTHING);
    try (Registry registry = LocalRegistry.open(DatabaseUrl.parse(db), Clock.systemUTC(), vectors)) {
        if (vectors != MatchVectors.OFF) {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            registry.match(tasks.getFirst().text(), top);
            System.out.printf("first match (model load + embedding every skill): %.1f s wall, %.1f s CPU%n",
                    (System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpuStart) / 1e9);
        }
        int at1 = 0;
        int at3 = 0;
        double reciprocal = 0;
        for (Task task : tasks) {
            List<String> names = registry.match(task.text(), top).items().stream()
                    .map(hit -> hit.skill().ref().name())
                    .map(name -> generated ? name.replaceFirst("-[0-9]+$", "") : name)
                    .toList();
            int rank = 0;
            for (int i = 0; i < names.size() && rank == 0; i++) {
                if (task.expected().contains(names.get(i))) {
                    rank = i + 1;
                }
            }
            at1 += rank == 1 ? 1 : 0;
            at3 += rank >= 1 && rank <= 3 ? 1 : 0;
            reciprocal += rank == 0 ? 0 : 1.0 / rank;
            if (rank == 0 || rank > 3) {
                System.out.printf("  miss (rank %s): %s -> %s%n", rank == 0 ? ">10" : rank, task.text(),
                        names.subList(0, Math.min(3, names.size())));
            }
        }
        int n = tasks.size();
        System.out.printf("match evaluation (vectors %s): %d tasks: recall@1 %.3f, recall@3 %.3f, MRR %.3f%n",
                vectors, n,
                (double) at1 / n, (double) at3 / n, reciprocal / n);

        for (int warm = 0; warm < 3; warm++) {
            for (Task task : tasks) {
                registry.match(task.text(), top);
            }
        }
        long[] nanos = new long[n * rounds];
        long[] cpu = new long[nanos.length];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long processStart = process.getProcessCpuTime();
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (Task task : tasks) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                registry.match(task.text(), top);
                nanos[i] = System.nanoTime() - start;
                cpu[i++] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf("match: %d tasks x %d rounds: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", n,
                rounds, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
        // the model computes on threads of its own: the process's CPU counts them too
        long processCpu = process.getProcessCpuTime() - processStart;
        System.out.printf("match CPU of the matching thread: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms;"
                + " of the whole process: %.2f ms a match%n", ms(cpu, 0.50), ms(cpu, 0.95), ms(cpu, 0.99),
                processCpu / 1e6 / nanos.length);
    }
}

double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
}
