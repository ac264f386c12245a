package dev.skillbase.exec;

import dev.skillbase.skill.Problem;
import java.util.List;

/** A skill's run manifest ({@value RunManifest#FILE}) is not valid: every problem, each naming its field. */
public final class InvalidRunManifestException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidRunManifestException(String skill, List<Problem> problems) {
        super(skill + ": " + RunManifest.FILE + " is not valid: " + String.join("; ",
                problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
