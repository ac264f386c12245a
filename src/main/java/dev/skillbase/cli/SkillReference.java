package dev.skillbase.cli;

import dev.skillbase.registry.SkillRef;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code NAMESPACE/NAME[@VERSION]} as typed on the command line. */
record SkillReference(SkillRef ref, Optional<String> version) {
    private static final Pattern FORM = Pattern.compile("([^/@\\s]+)/([^/@\\s]+)(?:@([^/@\\s]+))?");

    /** @throws UsageException when the text is not of the form NAMESPACE/NAME[@VERSION] */
    static SkillReference parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new UsageException("'" + text + "' is not a skill reference: expected NAMESPACE/NAME or "
                    + "NAMESPACE/NAME@VERSION, e.g. local/pdf@0.1.0");
        }
        return new SkillReference(new SkillRef(matcher.group(1), matcher.group(2)),
                Optional.ofNullable(matcher.group(3)));
    }
}
