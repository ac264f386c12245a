package dev.skillbase.skill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one validator: checks a skill folder in a {@link ValidationMode} and returns every problem at once.
 * STRICT reports every broken rule as an error (status INVALID). LENIENT turns the spec rules into warnings; what
 * stays an error (unreadable SKILL.md or bundle, no usable YAML, no description) makes the skill SKIPPED.
 * Immutable and thread-safe.
 */
public final class Validator {
    private static final String SKILL_MD = "SKILL.md";
    private static final String LOWER_SKILL_MD = "skill.md";

    private final ValidationMode mode;
    private final BundleLimits limits;

    public Validator(ValidationMode mode, BundleLimits limits) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Validates a skill folder (holding {@code SKILL.md}, or {@code skill.md} which LENIENT accepts with a warning).
     * Never throws for bad content: everything wrong becomes a problem or a skip reason.
     */
    public ValidationResult validate(Path skillDir) {
        String folder = folderName(skillDir);
        List<Problem> problems = new ArrayList<>();
        Optional<Bundle> bundle = readBundle(skillDir, problems);
        Optional<String> file = locate(skillDir, problems);
        Optional<SkillDocument> document = file
                .flatMap(name -> text(skillDir, name, bundle, problems))
                .flatMap(text -> parse(text, problems));
        return verdict(skillDir, folder, problems, document, bundle);
    }

    /**
     * Validates a bundle already in memory (e.g. read from an uploaded archive) as if it were the folder
     * {@code folderName}: the same rules as {@link #validate(Path)}, so in STRICT mode the frontmatter {@code name}
     * must equal {@code folderName}. The bundle's limits were checked when it was built. Never throws for bad
     * content. The result's path is {@code Path.of(folderName)}.
     */
    public ValidationResult validate(String folderName, Bundle bundle) {
        List<Problem> problems = new ArrayList<>();
        Set<String> rootFiles = bundle.files().stream().map(BundleFile::path)
                .filter(path -> !path.contains("/")).collect(Collectors.toSet());
        Optional<String> file = locate(rootFiles, "the bundle", problems);
        Optional<SkillDocument> document = file
                .flatMap(name -> decode(name, contentOf(bundle, name), problems))
                .flatMap(text -> parse(text, problems));
        return verdict(Path.of(folderName), folderName, problems, document, Optional.of(bundle));
    }

    private ValidationResult verdict(Path path, String folder, List<Problem> problems,
            Optional<SkillDocument> document, Optional<Bundle> bundle) {
        Optional<String> name = document.flatMap(doc -> doc.frontmatter().name());
        if (document.isPresent()) {
            List<Problem> rules = FieldRules.check(document.get().frontmatter(), folder);
            problems.addAll(mode == ValidationMode.STRICT ? rules : rules.stream().map(Validator::soften).toList());
            if (mode == ValidationMode.LENIENT && name.isEmpty()) {
                name = Optional.of(folder);
            }
        }
        bundle.ifPresent(b -> problems.addAll(b.skipped()));
        boolean failed = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
        ValidationResult.Status status = !failed ? ValidationResult.Status.VALID
                : mode == ValidationMode.STRICT ? ValidationResult.Status.INVALID
                : ValidationResult.Status.SKIPPED;
        return new ValidationResult(path, name, status, problems,
                status == ValidationResult.Status.SKIPPED ? Optional.empty() : document,
                status == ValidationResult.Status.SKIPPED ? Optional.empty() : bundle);
    }

    /** LENIENT: a missing description still makes a skill unusable; every other spec rule only warns. */
    private static Problem soften(Problem problem) {
        if (problem.code().equals("description-missing")) {
            return problem;
        }
        String message = problem.code().equals("name-missing")
                ? problem.message() + " (the folder's name is used meanwhile)"
                : problem.message();
        return Problem.warning(problem.field(), problem.code(), message);
    }

    private Optional<Bundle> readBundle(Path skillDir, List<Problem> problems) {
        try {
            return Optional.of(Bundle.read(skillDir, limits));
        } catch (BundleTooLargeException e) {
            problems.addAll(e.problems());
        } catch (BundleException e) {
            problems.add(Problem.error("bundle", "bundle-unreadable", e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage())));
        }
        return Optional.empty();
    }

    private Optional<String> locate(Path skillDir, List<Problem> problems) {
        Set<String> names;
        try (Stream<Path> entries = Files.list(skillDir)) {
            names = entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(SKILL_MD, "skill-md-missing", "cannot list " + skillDir + ": " + e.getMessage()));
            return Optional.empty();
        }
        return locate(names, "the folder", problems);
    }

    private Optional<String> locate(Set<String> names, String where, List<Problem> problems) {
        if (names.contains(SKILL_MD)) {
            return Optional.of(SKILL_MD);
        }
        if (names.contains(LOWER_SKILL_MD)) {
            problems.add(new Problem(LOWER_SKILL_MD, "lowercase-skill-md",
                    mode == ValidationMode.STRICT ? Severity.ERROR : Severity.WARNING,
                    "the file is named skill.md: the spec names it SKILL.md in upper case, rename it"));
            return Optional.of(LOWER_SKILL_MD);
        }
        problems.add(Problem.error(SKILL_MD, "skill-md-missing",
                where + " has no SKILL.md (a regular file, not a link): create one with skillbase init"));
        return Optional.empty();
    }

    private static byte[] contentOf(Bundle bundle, String path) {
        return bundle.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    private static Optional<String> decode(String file, byte[] bytes, List<Problem> problems) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            problems.add(Problem.error(file, "not-utf8", file + " is not valid UTF-8: save it as UTF-8"));
            return Optional.empty();
        }
    }

    private Optional<String> text(Path skillDir, String file, Optional<Bundle> bundle, List<Problem> problems) {
        try {
            byte[] bytes = bundle.isPresent() ? contentOf(bundle.get(), file) : readDirectly(skillDir.resolve(file));
            return decode(file, bytes, problems);
        } catch (IOException e) {
            problems.add(Problem.error(file, "skill-md-unreadable", "cannot read " + file + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Only reached when the bundle broke a limit: SKILL.md is still parsed so every problem shows at once. */
    private byte[] readDirectly(Path file) throws IOException {
        if (Files.size(file) > limits.maxFileBytes()) {
            throw new IOException("it is larger than " + limits.maxFileBytes() + " bytes");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes()));
        }
    }

    private static Optional<SkillDocument> parse(String text, List<Problem> problems) {
        try {
            return Optional.of(SkillDocument.parse(text));
        } catch (FrontmatterException e) {
            problems.add(Problem.error("frontmatter", e.code(), e.getMessage()));
            return Optional.empty();
        }
    }

    /** The mode and limits: two validators with the same description judge every skill alike. */
    @Override
    public String toString() {
        return "Validator[" + mode + ", " + limits + "]";
    }

    private static String folderName(Path skillDir) {
        Path name = skillDir.toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }
}
