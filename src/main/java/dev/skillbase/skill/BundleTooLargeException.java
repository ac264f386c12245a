package dev.skillbase.skill;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A bundle that breaks one or more {@link BundleLimits}; {@link #problems()} names each broken limit with code
 * {@code bundle-too-many-files}, {@code bundle-too-large} or {@code file-too-large}.
 */
public final class BundleTooLargeException extends BundleException {
    private final transient List<Problem> problems;

    public BundleTooLargeException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
