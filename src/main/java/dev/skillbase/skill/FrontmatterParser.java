package dev.skillbase.skill;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Splits a SKILL.md into its frontmatter block and body, and loads the block as bounded YAML 1.2. Thread-safe: a
 * {@link Load} is created per call because it is not.
 */
final class FrontmatterParser {
    /** Real frontmatter is a few KB; anything near this is an attack or a mistake. */
    static final int MAX_FRONTMATTER_CHARS = 64 * 1024;
    /** Few enough that a "billion laughs" document fails at once, enough for hand-written anchors. */
    static final int MAX_ALIASES = 20;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setLabel("SKILL.md frontmatter")
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_FRONTMATTER_CHARS + 16)
            .setSchema(new StringNumbersSchema())
            .setUseMarks(true)
            .build();

    private FrontmatterParser() {
    }

    static SkillDocument parse(String text) {
        String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
        normalized = normalized.replace("\r\n", "\n");
        if (!isDelimiter(firstLine(normalized, 0))) {
            throw new FrontmatterException("missing-frontmatter",
                    "SKILL.md has no frontmatter: its first line must be --- followed by YAML (name, description) "
                            + "and a closing --- line");
        }
        int yamlStart = normalized.indexOf('\n') + 1;
        int lineStart = yamlStart;
        while (lineStart > 0 && lineStart <= normalized.length()) {
            String line = firstLine(normalized, lineStart);
            if (isDelimiter(line)) {
                String yaml = normalized.substring(yamlStart, lineStart);
                int bodyStart = Math.min(normalized.length(), lineStart + line.length() + 1);
                return new SkillDocument(load(yaml), normalized.substring(bodyStart));
            }
            lineStart = normalized.indexOf('\n', lineStart) + 1;
        }
        throw new FrontmatterException("unterminated-frontmatter",
                "SKILL.md frontmatter starts with --- but has no closing --- line: add one after the YAML");
    }

    private static String firstLine(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.substring(from) : text.substring(from, end);
    }

    private static boolean isDelimiter(String line) {
        return line.startsWith("---") && line.substring(3).isBlank();
    }

    private static Frontmatter load(String yaml) {
        if (yaml.length() > MAX_FRONTMATTER_CHARS) {
            throw new FrontmatterException("frontmatter-too-large", "SKILL.md frontmatter has " + yaml.length()
                    + " characters, at most " + MAX_FRONTMATTER_CHARS + " are allowed: move long text into the body");
        }
        Object value;
        try {
            value = new Load(SETTINGS).loadFromString(yaml);
        } catch (DuplicateKeyException e) {
            throw new FrontmatterException("duplicate-key", "SKILL.md frontmatter " + describe(e)
                    + ": each key may appear once, remove the repeated one", e);
        } catch (YamlEngineException e) {
            throw fromYaml(e);
        }
        if (value == null) {
            return Frontmatter.of(Map.of());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new FrontmatterException("frontmatter-not-mapping", "SKILL.md frontmatter is a "
                    + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + ", not a mapping: write it as key: value lines (name: ..., description: ...)");
        }
        return Frontmatter.of(map);
    }

    private static FrontmatterException fromYaml(YamlEngineException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("aliases") || message.contains("Recursive key")) {
            return new FrontmatterException("yaml-too-complex", "SKILL.md frontmatter uses more than " + MAX_ALIASES
                    + " aliases to collections or a recursive alias: write the values out", e);
        }
        if (message.contains("code point")) {
            return new FrontmatterException("frontmatter-too-large",
                    "SKILL.md frontmatter is too large: move long text into the body", e);
        }
        return new FrontmatterException("yaml-syntax", "SKILL.md frontmatter is not valid YAML: " + describe(e)
                + "; quote values that contain ': ' or start with a special character", e);
    }

    private static String describe(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked) {
            String problem = String.valueOf(marked.getProblem());
            return marked.getProblemMark()
                    .map(Mark::getLine)
                    .map(line -> problem + " (line " + (line + 2) + " of SKILL.md)")
                    .orElse(problem);
        }
        return String.valueOf(e.getMessage());
    }

    /** YAML 1.2 core schema, except that numbers stay the text they were written as. */
    private static final class StringNumbersSchema extends CoreSchema {
        private final ScalarResolver resolver = new CoreScalarResolver(false) {
            @Override
            public Tag resolve(String value, Boolean implicit) {
                Tag tag = super.resolve(value, implicit);
                return tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) ? Tag.STR : tag;
            }
        };

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }
    }
}
