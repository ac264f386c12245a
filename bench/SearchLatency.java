// Search latency in process: opens a registry database and times Registry.search for each query in a file: wall
// time, and the CPU time of the searching thread (SQLite runs in it; steadier than wall time on a shared machine).
// Run by bench/foundation with the built jar on the class path:
//   java -cp target/skillbase.jar bench/SearchLatency.java DB_URL bench/queries.txt
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

void main(String[] args) throws Exception {
    String db = args[0];
    List<String> queries = Files.readAllLines(Path.of(args[1])).stream().filter(q -> !q.isBlank()).toList();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    SkillQuery page = new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            SkillQuery.Sort.NAME, 20, 0);
    try (Registry registry = LocalRegistry.open(db)) {
        long hits = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (String q : queries) {
                hits += registry.search(q, page).total();
            }
        }
        long[] nanos = new long[queries.size() * rounds];
        long[] cpu = new long[nanos.length];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (String q : queries) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                hits += registry.search(q, page).items().size();
                nanos[i] = System.nanoTime() - start;
                cpu[i++] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf("search: %d queries x %d rounds: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%d hits)%n",
                queries.size(), rounds, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6, hits);
        System.out.printf("search CPU of the searching thread: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                ms(cpu, 0.50), ms(cpu, 0.95), ms(cpu, 0.99), cpu[cpu.length - 1] / 1e6);
    }
}

double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
}
