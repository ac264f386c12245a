package dev.skillbase.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads from a skill the packages it is about: package ids or framework names in the metadata keys the alias file
 * lists, and framework names (React, Next.js, Spring Boot, Django, ...) in the skill's name, tags and description,
 * matched as whole words. Each package gets the confidence of the best place it was found (metadata above name above
 * tags above description). The terms, packages and confidences are data: {@code package-aliases.json}, versioned.
 * Immutable and thread-safe.
 */
public final class PackageInference {
    private static final String RESOURCE = "package-aliases.json";
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9.+#/@]+");
    private static final Pattern LOOSE_DOTS = Pattern.compile("(?<![a-z0-9])\\.|\\.(?![a-z0-9])");
    private static final Pattern ITEMS = Pattern.compile("[,;]");
    private static final Pattern WORDS = Pattern.compile("\\s+");
    private static final PackageInference STANDARD = load();

    private final int version;
    private final Confidences confidences;
    private final List<String> metadataKeys;
    private final Map<String, List<PackageId>> aliases;
    /** The most words a term has: the longest run of words of a text that can name a package. */
    private final int longestTerm;

    private record Confidences(double metadata, double name, double tag, double description) {
    }

    private PackageInference(int version, Confidences confidences, List<String> metadataKeys,
            Map<String, List<PackageId>> aliases) {
        this.version = version;
        this.confidences = confidences;
        this.metadataKeys = List.copyOf(metadataKeys);
        this.aliases = Map.copyOf(aliases);
        this.longestTerm = aliases.keySet().stream().mapToInt(term -> term.split(" ").length).max().orElse(0);
    }

    /** The inference of the bundled alias file. */
    public static PackageInference standard() {
        return STANDARD;
    }

    /** The alias file's version: mappings inferred under another version may be stale. */
    public int version() {
        return version;
    }

    /**
     * The packages the skill is about, each once with its best confidence, by confidence then package.
     *
     * @param metadata the frontmatter's {@code metadata} (string to string)
     */
    public List<InferredMapping> infer(String name, Collection<String> tags, String description,
            Map<String, String> metadata) {
        Map<PackageId, InferredMapping> found = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (metadataKeys.contains(key.toLowerCase(Locale.ROOT))) {
                fromMetadata(key, value, found);
            }
        });
        match(normalise(name.replace('-', ' ')), confidences.name(), "name", found);
        for (String tag : tags) {
            match(normalise(tag), confidences.tag(), "tag \"" + tag + "\"", found);
        }
        match(normalise(description), confidences.description(), "description", found);
        List<InferredMapping> result = new ArrayList<>(found.values());
        result.sort((a, b) -> a.confidence() != b.confidence() ? Double.compare(b.confidence(), a.confidence())
                : a.pkg().compareTo(b.pkg()));
        return List.copyOf(result);
    }

    /**
     * A metadata value is a list separated by commas or semicolons; an item whose words are all package ids
     * ({@code npm:react pypi:django}) names those packages, any other item ({@code Spring Boot}) is matched against
     * the aliases.
     */
    private void fromMetadata(String key, String value, Map<PackageId, InferredMapping> found) {
        for (String item : ITEMS.split(value)) {
            List<Optional<PackageId>> words = WORDS.splitAsStream(item.strip()).map(PackageInference::packageId)
                    .toList();
            if (!item.isBlank() && words.stream().allMatch(Optional::isPresent)) {
                words.stream().map(Optional::get).forEach(id -> keep(found,
                        new InferredMapping(id, confidences.metadata(), "metadata " + key + " names " + id)));
            } else {
                match(normalise(item), confidences.metadata(), "metadata " + key, found);
            }
        }
    }

    /** The package the word names; empty when it names none (a framework name, a plain word). */
    private static Optional<PackageId> packageId(String word) {
        try {
            PackageQuery query = PackageQuery.parse(word);
            return query.ecosystem().map(e -> new PackageId(e, query.name()));
        } catch (InvalidPackageException notAPackage) {
            return Optional.empty();
        }
    }

    /** Looks every run of up to {@link #longestTerm} words of {@code text} up among the terms: whole words only. */
    private void match(String text, double confidence, String where, Map<PackageId, InferredMapping> found) {
        if (text.isBlank()) {
            return;
        }
        String[] words = text.split(" ");
        for (int start = 0; start < words.length; start++) {
            StringBuilder run = new StringBuilder();
            for (int end = start; end < Math.min(words.length, start + longestTerm); end++) {
                if (end > start) {
                    run.append(' ');
                }
                String term = run.append(words[end]).toString();
                List<PackageId> packages = aliases.get(term);
                if (packages != null) {
                    for (PackageId pkg : packages) {
                        keep(found, new InferredMapping(pkg, confidence, where + " mentions \"" + term + "\""));
                    }
                }
            }
        }
    }

    private static void keep(Map<PackageId, InferredMapping> found, InferredMapping mapping) {
        found.merge(mapping.pkg(), mapping, (old, now) -> now.confidence() > old.confidence() ? now : old);
    }

    /** Lower case, words separated by one space; dots kept inside words ({@code next.js}), not at their ends. */
    static String normalise(String text) {
        String words = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return LOOSE_DOTS.matcher(words).replaceAll(" ").strip().replaceAll(" +", " ");
    }

    private static PackageInference load() {
        try (InputStream in = PackageInference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    static PackageInference parse(JsonNode root) {
        JsonNode c = root.required("confidence");
        Confidences confidences = new Confidences(c.required("metadata").asDouble(), c.required("name").asDouble(),
                c.required("tag").asDouble(), c.required("description").asDouble());
        List<String> keys = new ArrayList<>();
        root.required("metadata_keys").forEach(key -> keys.add(key.asString().toLowerCase(Locale.ROOT)));
        Map<String, List<PackageId>> aliases = new LinkedHashMap<>();
        for (JsonNode alias : root.required("aliases")) {
            List<PackageId> packages = new ArrayList<>();
            alias.required("packages").forEach(p -> packages.add(PackageId.parse(p.asString())));
            alias.required("terms").forEach(term -> aliases.merge(normalise(term.asString()), List.copyOf(packages),
                    (a, b) -> {
                        List<PackageId> both = new ArrayList<>(a);
                        both.addAll(b);
                        return List.copyOf(both);
                    }));
        }
        return new PackageInference(root.required("version").asInt(), confidences, keys, aliases);
    }
}
