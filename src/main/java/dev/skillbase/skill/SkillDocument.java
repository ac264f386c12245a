package dev.skillbase.skill;

import java.util.Optional;

/** A SKILL.md split into its frontmatter and its Markdown body. */
public record SkillDocument(Frontmatter frontmatter, String body) {

    /**
     * Parses a SKILL.md: a first line {@code ---}, YAML, a closing {@code ---} line, then the body. A UTF-8 BOM and
     * CRLF line endings are accepted.
     *
     * @throws FrontmatterException with a code naming what is wrong (no block, unterminated, YAML error, not a
     *     mapping, duplicate key, too large)
     */
    public static SkillDocument parse(String text) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** A human title: {@code metadata.title}, else the body's first level-1 heading. */
    public Optional<String> title() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }
}
