package dev.skillbase.skill;

import java.util.Optional;

/** A SKILL.md split into its frontmatter and its Markdown body (with LF line endings). */
public record SkillDocument(Frontmatter frontmatter, String body) {

    /**
     * Parses a SKILL.md: a first line {@code ---}, YAML, a closing {@code ---} line, then the body. A UTF-8 BOM and
     * CRLF line endings are accepted. The YAML is bounded: at most 64 KiB and 20 aliases to collections.
     *
     * @throws FrontmatterException with a code naming what is wrong ({@code missing-frontmatter},
     *     {@code unterminated-frontmatter}, {@code yaml-syntax}, {@code frontmatter-not-mapping},
     *     {@code duplicate-key}, {@code yaml-too-complex}, {@code frontmatter-too-large})
     */
    public static SkillDocument parse(String text) {
        return FrontmatterParser.parse(text);
    }

    /** A human title: {@code metadata.title}, else the body's first level-1 heading outside code fences. */
    public Optional<String> title() {
        String title = frontmatter.metadata().get("title");
        if (title != null && !title.isBlank()) {
            return Optional.of(title.strip());
        }
        boolean inFence = false;
        for (String line : body.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("# ") && !line.substring(2).isBlank()) {
                return Optional.of(line.substring(2).strip());
            }
        }
        return Optional.empty();
    }
}
