package dev.skillbase.server;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.skill.Problem;
import dev.skillbase.skill.SkillName;
import dev.skillbase.skill.Version;
import io.javalin.http.Context;
import java.util.List;

/** Reads and checks the path parameters of the skill routes; a malformed one is a 400 naming it. */
final class PathParams {
    static final String NAMESPACE = "namespace";
    static final String NAME = "name";
    static final String VERSION = "version";
    static final String PATH = "path";

    private PathParams() {
    }

    static SkillRef ref(Context ctx) {
        return new SkillRef(name(ctx.pathParam(NAMESPACE), NAMESPACE), name(ctx.pathParam(NAME), NAME));
    }

    /** A namespace or skill name: both follow the spec's name rules. */
    static String name(String value, String parameter) {
        List<Problem> problems = SkillName.problems(value);
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(parameter, "invalid-" + parameter, parameter + " \"" + value
                    + "\" is not valid: " + SkillName.RULES);
        }
        return value;
    }

    static String version(Context ctx) {
        return version(ctx.pathParam(VERSION), VERSION);
    }

    /** The version as semver, normalised; a 400 naming {@code parameter} when it is not semver. */
    static String version(String value, String parameter) {
        try {
            return Version.parse(value).toString();
        } catch (InvalidVersionException e) {
            throw new InvalidParameterException(parameter, "invalid-version", e.getMessage());
        }
    }

    /** A file path inside a version: relative, '/'-separated, no empty, '.' or '..' segment. */
    static String filePath(Context ctx) {
        String path = ctx.pathParam(PATH);
        boolean bad = path.isEmpty() || path.startsWith("/") || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        for (String segment : path.split("/", -1)) {
            bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
        }
        if (bad) {
            throw new InvalidParameterException(PATH, "invalid-path", "file path \"" + path
                    + "\" is not a relative path inside the skill (no empty, '.' or '..' segments, no backslashes)");
        }
        return path;
    }
}
