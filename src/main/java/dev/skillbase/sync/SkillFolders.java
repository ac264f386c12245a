package dev.skillbase.sync;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.Problem;
import dev.skillbase.skill.Severity;
import dev.skillbase.skill.SkillName;
import dev.skillbase.skill.SkillScanner;
import dev.skillbase.skill.ValidationResult;
import dev.skillbase.skill.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Reads every skill folder under a root into {@link Candidate}s: validated leniently, named, placed in the taxonomy,
 * and with skills that resolve to the same name marked as conflicts (none of them is published: which one was meant
 * cannot be known).
 */
final class SkillFolders {
    private final Validator validator;

    SkillFolders(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param cache folders whose fingerprint it knows are not read (their candidates are not
     *     {@link Candidate#loaded()}); the others are read and recorded in it
     * @throws NoSkillFoundException when {@code root} holds no skill
     */
    List<Candidate> read(Path root, String namespace, PushCache cache) {
        return read(root, namespace, cache, Long.MAX_VALUE);
    }

    /**
     * As above, keeping in memory the files of the folders read only up to {@code keepBytes} in all: the candidates
     * read beyond it keep their name, digest and warnings but not their files ({@link Candidate#loaded()} is false,
     * as for a folder known from the cache), so that a push of a very large tree does not run out of memory.
     */
    List<Candidate> read(Path root, String namespace, PushCache cache, long keepBytes) {
        List<Path> dirs = SkillScanner.find(root);
        if (dirs.isEmpty()) {
            throw new NoSkillFoundException(root);
        }
        return read(root, dirs, namespace, cache, new AtomicLong(keepBytes));
    }

    /**
     * The skill folders {@code dirs} found under {@code root}, each read in full (a sync reads only those that
     * changed).
     */
    List<Candidate> read(Path root, List<Path> dirs, String namespace) {
        return read(root, dirs, namespace, PushCache.none(), new AtomicLong(Long.MAX_VALUE));
    }

    private List<Candidate> read(Path root, List<Path> dirs, String namespace, PushCache cache, AtomicLong room) {
        // a SKILL.md file given directly stands for its folder
        Path base = Files.isDirectory(root) ? root : root.toAbsolutePath().normalize().getParent();
        // reading, parsing and hashing dominate a push of unchanged skills: spread them over the cores (the
        // validator is stateless, the cache thread-safe; the list keeps the scanner's order)
        List<Candidate> candidates = dirs.parallelStream()
                .map(dir -> kept(readOrRecall(base, dir, namespace, cache), room))
                .toList();
        return markCollisions(candidates);
    }

    /** The candidate, or when its files do not fit in the {@code room} left, the candidate without them. */
    private static Candidate kept(Candidate candidate, AtomicLong room) {
        long bytes = candidate.bundle().map(Bundle::totalBytes).orElse(0L);
        if (bytes == 0 || room.addAndGet(-bytes) >= 0) {
            return candidate;
        }
        return candidate.unloaded();
    }

    /** Reads the folder of a candidate known only from the cache, as a push without a cache would have. */
    Candidate load(Candidate known, String namespace) {
        return read(known.folder(), known.path(), namespace);
    }

    private Candidate readOrRecall(Path root, Path dir, String namespace, PushCache cache) {
        String path = TaxonomyPath.of(root, dir);
        Optional<FolderFingerprint> fingerprint = cache.enabled() ? FolderFingerprint.of(dir, cache.clock())
                : Optional.empty();
        Optional<PushCache.Entry> known = fingerprint.flatMap(f -> cache.lookup(path, f));
        if (known.isPresent()) {
            PushCache.Entry entry = known.get();
            return new Candidate(dir, path, path, Optional.of(new SkillRef(namespace, entry.name())),
                    Optional.empty(), Optional.empty(), Optional.of(entry.contentDigest()), entry.warnings(),
                    List.of(), PushedSkill.Outcome.SKIPPED);
        }
        Candidate candidate = read(dir, path, namespace);
        if (candidate.publishable() && fingerprint.isPresent()) {
            cache.record(path, fingerprint.get(), candidate.contentDigest().orElseThrow(),
                    candidate.ref().orElseThrow().name(), candidate.warnings());
        }
        return candidate;
    }

    private Candidate read(Path dir, String path, String namespace) {
        String taxonomy = path; // the taxonomy path is where the folder was found, skill folder included
        ValidationResult result = validator.validate(dir);
        List<String> warnings = new ArrayList<>(describe(result.problems(), Severity.WARNING));
        result.bundle().ifPresent(bundle -> bundle.skipped().stream()
                .filter(problem -> !result.problems().contains(problem))
                .forEach(problem -> warnings.add(describe(problem))));
        List<String> reasons = new ArrayList<>();
        if (result.status() != ValidationResult.Status.VALID || result.document().isEmpty()
                || result.bundle().isEmpty()) {
            reasons.addAll(describe(result.problems(), Severity.ERROR));
            if (reasons.isEmpty()) {
                reasons.add("the skill could not be read (status " + result.status() + ")");
            }
            return Candidate.read(dir, path, taxonomy, Optional.empty(), Optional.empty(), Optional.empty(),
                    warnings, reasons);
        }
        Optional<String> declared = result.document().get().frontmatter().name();
        String folder = dir.toAbsolutePath().normalize().getFileName().toString();
        Optional<String> name = resolveName(declared, folder, warnings, reasons);
        // Candidate.read computes the content digest here, in parallel, rather than later one by one
        return Candidate.read(dir, path, taxonomy, name.map(n -> new SkillRef(namespace, n)),
                name.flatMap(n -> result.document()), name.flatMap(n -> result.bundle()), warnings, reasons);
    }

    private static Optional<String> resolveName(
            Optional<String> declared, String folder, List<String> warnings, List<String> reasons) {
        if (declared.isPresent() && SkillName.problems(declared.get()).isEmpty()) {
            return declared;
        }
        String why = declared.map(n -> "the frontmatter name '" + n + "' is not a valid skill name")
                .orElse("the frontmatter has no name");
        if (SkillName.problems(folder).isEmpty()) {
            warnings.add("name: " + why + "; using the folder name '" + folder + "'");
            return Optional.of(folder);
        }
        reasons.add("name: " + why + " and neither is the folder name '" + folder + "'");
        return Optional.empty();
    }

    private static List<Candidate> markCollisions(List<Candidate> candidates) {
        Map<SkillRef, List<Candidate>> byRef = candidates.stream()
                .filter(Candidate::publishable)
                .collect(Collectors.groupingBy(c -> c.ref().orElseThrow(), LinkedHashMap::new, Collectors.toList()));
        Set<Candidate> colliding = Collections.newSetFromMap(new IdentityHashMap<>());
        byRef.values().stream().filter(group -> group.size() > 1).forEach(colliding::addAll);
        List<Candidate> marked = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (!colliding.contains(candidate)) {
                marked.add(candidate);
                continue;
            }
            String others = byRef.get(candidate.ref().orElseThrow()).stream()
                    .filter(other -> other != candidate)
                    .map(other -> other.path().isEmpty() ? "." : other.path())
                    .collect(Collectors.joining(", "));
            marked.add(candidate.conflicting("name: " + candidate.ref().orElseThrow()
                    + " is also the name of " + others + " in this push; none of them was pushed"));
        }
        return marked;
    }

    private static List<String> describe(List<Problem> problems, Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).map(SkillFolders::describe).toList();
    }

    private static String describe(Problem problem) {
        return problem.field() + ": " + problem.message();
    }
}
