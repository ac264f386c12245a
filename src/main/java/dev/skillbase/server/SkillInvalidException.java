package dev.skillbase.server;

import dev.skillbase.skill.Problem;
import java.util.List;

/** An upload that is a safe archive but not a publishable skill; carries every problem at once (422). */
public final class SkillInvalidException extends RuntimeException {
    private final transient List<Problem> problems;

    public SkillInvalidException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
