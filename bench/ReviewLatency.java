// Reviews in process: on a database holding skills, USERS users write REVIEWS reviews (ratings drawn with a fixed
// seed, most skills unreviewed, a few with many), each timed (wall, and CPU of the writing thread); then the first
// page of the list sorted by rating (smoothed mean), by name for comparison, and by rating in one category.
// Run by bench/reviews with the built jar on the class path:
//   java -cp target/skillbase.jar bench/ReviewLatency.java DB_URL USERS REVIEWS ROUNDS
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.ReviewInput;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

void main(String[] args) {
    String db = args[0];
    int users = Integer.parseInt(args[1]);
    int reviews = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    try (LocalRegistry registry = LocalRegistry.open(db)) {
        List<SkillRef> skills = new ArrayList<>();
        for (int offset = 0; offset <= SkillQuery.MAX_OFFSET; offset += SkillQuery.MAX_LIMIT) {
            var page = registry.list(new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), SkillQuery.Sort.NAME, SkillQuery.MAX_LIMIT, offset).as(
                    dev.skillbase.registry.Viewer.EVERYTHING));
            page.items().stream().map(SkillSummary::ref).forEach(skills::add);
            if (page.items().size() < SkillQuery.MAX_LIMIT) {
                break;
            }
        }
        List<Long> ids = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            ids.add(registry.accounts().createUser("reviewer-" + u, false).id());
        }
        Random random = new Random(42);
        long[] wall = new long[reviews];
        long[] cpu = new long[reviews];
        for (int i = 0; i < reviews; i++) {
            // squared: a few skills get most of the reviews, as in real catalogues
            double x = random.nextDouble();
            SkillRef skill = skills.get((int) (x * x * skills.size()));
            ReviewInput input = new ReviewInput(1 + random.nextInt(5), "review " + i, "", Optional.empty());
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            registry.reviews().save(ids.get(random.nextInt(users)), skill, input);
            wall[i] = System.nanoTime() - w;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        report("review write (save + rating recount)", wall, cpu);
        String category = skills.isEmpty() ? "" : registry.skill(skills.getFirst()).orElseThrow().taxonomyPath();
        time(threads, rounds, "list sort=rating, first page", () -> registry.list(query(SkillQuery.Sort.RATING,
                Optional.empty())).total());
        time(threads, rounds, "list sort=name, first page", () -> registry.list(query(SkillQuery.Sort.NAME,
                Optional.empty())).total());
        time(threads, rounds, "list sort=rating, category " + category, () -> registry.list(query(
                SkillQuery.Sort.RATING, Optional.of(category))).total());
        System.out.printf("%d skills, %d users, %d reviews written%n", skills.size(), users, reviews);
    }
}

SkillQuery query(SkillQuery.Sort sort, Optional<String> category) {
    return new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), category, sort, 20, 0);
}

void time(java.lang.management.ThreadMXBean threads, int rounds, String what, Supplier<Long> work) {
    for (int warm = 0; warm < 3; warm++) {
        work.get();
    }
    long[] wall = new long[rounds];
    long[] cpu = new long[rounds];
    for (int i = 0; i < rounds; i++) {
        long c = threads.getCurrentThreadCpuTime();
        long w = System.nanoTime();
        work.get();
        wall[i] = System.nanoTime() - w;
        cpu[i] = threads.getCurrentThreadCpuTime() - c;
    }
    report(what, wall, cpu);
}

void report(String what, long[] wall, long[] cpu) {
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf("%s: %d runs, wall p50 %.2f ms p95 %.2f ms; CPU p50 %.2f ms p95 %.2f ms%n", what, wall.length,
            ms(wall, 0.50), ms(wall, 0.95), ms(cpu, 0.50), ms(cpu, 0.95));
}

double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
}
