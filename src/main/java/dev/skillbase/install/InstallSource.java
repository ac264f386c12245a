package dev.skillbase.install;

import dev.skillbase.registry.SkillRef;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code skillbase install SOURCE} names: a skill in the registry, a local skill folder, or a discovery index. */
public sealed interface InstallSource {

    /** {@code ns/name[@version|@range|@tag]}; {@code requested} is {@code latest} when nothing follows the name. */
    record FromRegistry(SkillRef ref, String requested) implements InstallSource {
        @Override
        public String toString() {
            return ref + "@" + requested;
        }
    }

    /** A folder holding a {@code SKILL.md}. */
    record FromFolder(Path dir) implements InstallSource {
        @Override
        public String toString() {
            return dir.toString();
        }
    }

    /** The base URL of a well-known discovery index ({@code /.well-known/agent-skills/index.json} below it). */
    record FromIndex(URI base) implements InstallSource {
        @Override
        public String toString() {
            return base.toString();
        }
    }

    Pattern REFERENCE = Pattern.compile("([a-z0-9][a-z0-9._-]*)/([a-z0-9][a-z0-9-]*)(?:@([^\\s@/]+))?");

    /**
     * Reads a SOURCE argument: {@code http(s)://...} is an index; a path that starts with {@code .}, {@code /} or
     * {@code ~}, or an existing folder with a {@code SKILL.md}, is a folder; {@code ns/name[@x]} is the registry.
     *
     * @throws InvalidSourceException when the text is none of these
     */
    static InstallSource parse(String text, Path home) {
        String value = text.strip();
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return new FromIndex(IndexClient.base(value));
        }
        if (value.equals("~") || value.startsWith("~/")) {
            return new FromFolder(home.resolve(value.length() == 1 ? "" : value.substring(2)));
        }
        Path path = Path.of(value);
        if (value.startsWith(".") || value.startsWith("/") || Files.isRegularFile(path.resolve("SKILL.md"))) {
            return new FromFolder(path.toAbsolutePath().normalize());
        }
        Matcher matcher = REFERENCE.matcher(value);
        if (matcher.matches()) {
            String requested = matcher.group(3) == null ? "latest" : matcher.group(3);
            return new FromRegistry(new SkillRef(matcher.group(1), matcher.group(2)), requested);
        }
        throw new InvalidSourceException("'" + text + "' is not an install source: expected NAMESPACE/NAME, "
                + "NAMESPACE/NAME@VERSION (1.2.3, a range such as ^1.2, or a tag), a skill folder (./path/to/skill) "
                + "or the base URL of a discovery index (http://host/...)");
    }
}
