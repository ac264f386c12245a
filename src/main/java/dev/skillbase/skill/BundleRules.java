package dev.skillbase.skill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks shared by bundles read from disk and bundles built in memory. */
final class BundleRules {
    /** Names never taken into a bundle: tool state, not part of a skill. */
    static final Set<String> IGNORED = Set.of(".git", "node_modules", "__pycache__", ".DS_Store");

    private BundleRules() {
    }

    static boolean isIgnored(String relativePath) {
        for (String segment : relativePath.split("/")) {
            if (IGNORED.contains(segment)) {
                return true;
            }
        }
        return false;
    }

    static Problem ignored(String relativePath) {
        return Problem.warning(relativePath, "file-skipped",
                relativePath + " was left out: " + String.join(", ", IGNORED.stream().sorted().toList())
                        + " are never part of a bundle");
    }

    /** @throws UnsafeBundlePathException when {@code path} is not a plain relative path inside the bundle */
    static void checkPath(String path, Set<String> seen) {
        String reason = unsafeReason(path);
        if (reason != null) {
            throw new UnsafeBundlePathException("bundle path " + Texts.quote(path) + " " + reason
                    + ": use a relative path with '/' separators inside the skill folder");
        }
        if (!seen.add(path)) {
            throw new UnsafeBundlePathException("bundle path " + Texts.quote(path) + " appears twice: each file once");
        }
    }

    private static String unsafeReason(String path) {
        if (path.isEmpty()) {
            return "is empty";
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return "is absolute";
        }
        if (path.contains("\\")) {
            return "contains a backslash";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "contains a control character";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "has an empty, '.' or '..' segment";
            }
        }
        return null;
    }

    /** Every limit broken by files of these sizes, checked before any byte is read. */
    static List<Problem> limitProblems(List<String> paths, List<Long> sizes, boolean moreFiles, BundleLimits limits) {
        List<Problem> problems = new ArrayList<>();
        if (moreFiles || paths.size() > limits.maxFiles()) {
            problems.add(Problem.error("bundle", "bundle-too-many-files", "the skill folder has "
                    + (moreFiles ? "more than " + limits.maxFiles() : String.valueOf(paths.size()))
                    + " files, at most " + limits.maxFiles() + " are allowed: remove files the skill does not need"));
        }
        long total = 0;
        for (int i = 0; i < paths.size(); i++) {
            total += sizes.get(i);
            if (sizes.get(i) > limits.maxFileBytes()) {
                problems.add(Problem.error(paths.get(i), "file-too-large", paths.get(i) + " has " + sizes.get(i)
                        + " bytes, at most " + limits.maxFileBytes() + " are allowed per file: shrink or remove it"));
            }
        }
        if (total > limits.maxTotalBytes()) {
            problems.add(Problem.error("bundle", "bundle-too-large", "the skill folder holds " + total
                    + " bytes, at most " + limits.maxTotalBytes() + " are allowed: remove large files"));
        }
        return problems;
    }

    static Set<String> newSeen() {
        return new HashSet<>();
    }
}
