package dev.skillbase.suggest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A package ecosystem, with the way its registry spells (and compares) package names. */
public enum Ecosystem {
    NPM("npm"),
    MAVEN("maven"),
    PYPI("pypi"),
    GO("go"),
    CARGO("cargo"),
    GEM("gem"),
    COMPOSER("composer");

    private static final Pattern PYPI_SEPARATORS = Pattern.compile("[-_.]+");

    private final String id;

    Ecosystem(String id) {
        this.id = id;
    }

    /** The ecosystem's id in package ids ({@code npm}, {@code maven}, ...). */
    public String id() {
        return id;
    }

    /** The ecosystem with this id, ignoring case. */
    public static Optional<Ecosystem> find(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equalsIgnoreCase(id.strip())).findFirst();
    }

    /** The ids of every ecosystem, for messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Ecosystem::id).toList());
    }

    /**
     * The name as the ecosystem compares it: PyPI per PEP 503 (lower case, runs of {@code -_.} as one {@code -}), Go
     * module paths as written (they are case-sensitive), the others in lower case.
     */
    String normalise(String name) {
        String stripped = name.strip();
        return switch (this) {
            case PYPI -> PYPI_SEPARATORS.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll("-");
            case GO -> stripped;
            default -> stripped.toLowerCase(Locale.ROOT);
        };
    }
}
