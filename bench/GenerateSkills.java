// Generates N distinct, valid skills from the real-world corpus, deterministically, for bench/load:
//   java -cp target/skillbase.jar bench/GenerateSkills.java CORPUS_SKILLS_DIR OUT_DIR N
// Each usable corpus skill (valid under the lenient validator once renamed) is copied as OUT/<category>/<base>-<k>/
// for k = 1, 2, ... in a round-robin until N skills exist; <category> is the corpus repository (owner-repo), so a
// category filter selects a few hundred skills. Only the `name:` line of SKILL.md changes; every other file is hard
// linked (copied when linking fails). Writes OUT/names.txt (one name per line) and OUT/categories.txt
// (count and category, largest first).
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.ValidationResult;
import dev.skillbase.skill.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

record Source(Path dir, String category, String base, String skillMd) {
}

static final Pattern NAME_LINE = Pattern.compile("(?m)^name:[^\\n]*$");

void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
    Path out = Path.of(args[1]).toAbsolutePath().normalize();
    int wanted = Integer.parseInt(args[2]);
    Files.createDirectories(out);
    List<Path> dirs;
    try (Stream<Path> files = Files.walk(corpus)) {
        dirs = files.filter(p -> p.getFileName().toString().equals("SKILL.md")).map(Path::getParent).sorted().toList();
    }
    Validator validator = new Validator(ValidationMode.LENIENT, BundleLimits.DEFAULT);
    Set<String> bases = new HashSet<>();
    Set<Path> skillDirs = new HashSet<>(dirs);
    List<Source> usable = new ArrayList<>();
    Map<String, Integer> perCategory = new TreeMap<>();
    List<String> names = new ArrayList<>();
    for (Path dir : dirs) {
        Source source = source(corpus, dir, bases);
        if (source == null) {
            continue;
        }
        Path copy = write(out, source, 1, skillDirs);
        ValidationResult result = validator.validate(copy);
        if (result.status() != ValidationResult.Status.VALID || result.document().isEmpty()
                || !result.document().get().frontmatter().name().orElse("").equals(copy.getFileName().toString())) {
            delete(copy);
            continue;
        }
        usable.add(source);
        names.add(copy.getFileName().toString());
        perCategory.merge(source.category(), 1, Integer::sum);
        if (names.size() == wanted) {
            break;
        }
    }
    if (usable.isEmpty()) {
        throw new IllegalStateException("no usable skill under " + corpus);
    }
    for (int k = 2; names.size() < wanted; k++) {
        for (Source source : usable) {
            if (names.size() == wanted) {
                break;
            }
            names.add(write(out, source, k, skillDirs).getFileName().toString());
            perCategory.merge(source.category(), 1, Integer::sum);
        }
    }
    Files.write(out.resolve("names.txt"), names);
    Files.write(out.resolve("categories.txt"), perCategory.entrySet().stream()
            .sorted((a, b) -> b.getValue() - a.getValue() != 0 ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()))
            .map(e -> e.getValue() + " " + e.getKey()).toList());
    System.out.printf("generated %d skills from %d usable of %d corpus skills in %d categories%n",
            names.size(), usable.size(), dirs.size(), perCategory.size());
}

/** The corpus skill's category and a unique base name, or null when its SKILL.md has no frontmatter name line. */
Source source(Path corpus, Path dir, Set<String> bases) throws IOException {
    String skillMd = Files.readString(dir.resolve("SKILL.md"), StandardCharsets.UTF_8);
    if (!skillMd.startsWith("---")) {
        return null;
    }
    int end = skillMd.indexOf("\n---", 3);
    if (end < 0 || !NAME_LINE.matcher(skillMd.substring(0, end)).find()) {
        return null;
    }
    String category = slug(corpus.relativize(dir).getName(0).toString(), 40);
    String base = slug(dir.getFileName().toString(), 56);
    if (base.isEmpty()) {
        return null;
    }
    String unique = base;
    for (int i = 2; !bases.add(unique); i++) {
        unique = base + "-v" + i;
    }
    return new Source(dir, category, unique, skillMd);
}

/** Writes copy number k of a source; returns its folder. */
Path write(Path out, Source source, int k, Set<Path> skillDirs) throws IOException {
    String name = source.base() + "-" + k;
    Path target = out.resolve(source.category()).resolve(name);
    Files.createDirectories(target);
    int end = source.skillMd().indexOf("\n---", 3);
    Matcher m = NAME_LINE.matcher(source.skillMd().substring(0, end));
    m.find();
    String renamed = source.skillMd().substring(0, m.start()) + "name: " + name + source.skillMd().substring(m.end());
    Files.writeString(target.resolve("SKILL.md"), renamed, StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(source.dir())) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
            Path relative = source.dir().relativize(file);
            if (relative.toString().equals("SKILL.md") || insideNestedSkill(source.dir(), file, skillDirs)) {
                continue;
            }
            Path destination = target.resolve(relative.toString());
            Files.createDirectories(destination.getParent());
            try {
                Files.createLink(destination, file);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, destination);
            }
        }
    }
    return target;
}

boolean insideNestedSkill(Path root, Path file, Set<Path> skillDirs) {
    for (Path p = file.getParent(); p != null && !p.equals(root); p = p.getParent()) {
        if (skillDirs.contains(p)) {
            return true;
        }
    }
    return false;
}

String slug(String text, int max) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > max) {
        s = s.substring(0, max).replaceAll("-+$", "");
    }
    return s;
}

void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
            Files.delete(p);
        }
    }
}
