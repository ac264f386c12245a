package dev.skillbase.registry;

/**
 * A skill as stored, whoever asks, with what decides who may read it by name: its own visibility (in
 * {@link SkillDetails#visibility()}) and its namespace's. Callers that keep records (a server's cache) check the
 * reader on every use with {@link #openTo}.
 *
 * @param namespacePublic whether the skill's namespace is public (a private namespace hides all of its skills)
 */
public record SkillRecord(SkillDetails details, boolean namespacePublic) {

    /**
     * Whether {@code viewer} may read this skill by name without being a member of its namespace: everything for
     * {@link Viewer#EVERYTHING}, else a skill that is not private in a public namespace (the rule of the store's
     * readable filter). False for a {@link Viewer.Kind#USER} may still be true for a member: ask the registry.
     */
    public boolean openTo(Viewer viewer) {
        return viewer.kind() == Viewer.Kind.EVERYTHING || (namespacePublic && !"private".equals(details.visibility()));
    }
}
