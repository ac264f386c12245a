package dev.skillbase.suggest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code build.gradle} and {@code build.gradle.kts}, read line by line (a build script is a program: only what is
 * written literally is seen). A dependency is a configuration call ({@code implementation}, {@code api},
 * {@code testImplementation}, {@code kapt}, ... any word ending in a known suffix) whose first argument is a string
 * {@code "group:artifact[:version]"}, or the map form {@code group: 'g', name: 'a'}; {@code platform(...)} and
 * {@code enforcedPlatform(...)} are looked into. A plugin {@code id("g.x") version ...} counts as
 * {@code maven:g.x:g.x.gradle.plugin}, the plugin's marker artifact, so that a mapping of its group matches it.
 * Version catalog references ({@code libs.foo}) are not resolved.
 */
final class GradleManifest implements Manifest {
    private static final String CONFIGURATION =
            "\\b[a-zA-Z]*(?:[iI]mplementation|[aA]pi|[cC]ompileOnly|[rR]untimeOnly|[aA]nnotationProcessor|kapt|ksp"
                    + "|[cC]lasspath|[dD]evelopmentOnly)";
    private static final String WORD = "([A-Za-z0-9._-]+)";
    private static final Pattern COORDINATES = Pattern.compile(CONFIGURATION
            + "\\s*\\(?\\s*(?:(?:enforcedP|p)latform\\s*\\(\\s*)?[\"']" + WORD + ":" + WORD + "(?::[^\"']*)?[\"']");
    private static final Pattern MAP_FORM = Pattern.compile(CONFIGURATION
            + "\\s*\\(?\\s*group\\s*[:=]\\s*[\"']" + WORD + "[\"']\\s*,\\s*name\\s*[:=]\\s*[\"']" + WORD + "[\"']");
    private static final Pattern PLUGIN = Pattern.compile(
            "\\bid\\s*\\(?\\s*[\"']([A-Za-z0-9._-]+\\.[A-Za-z0-9._-]+)[\"']");

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("build.gradle") || fileName.equals("build.gradle.kts");
    }

    @Override
    public List<PackageId> read(Path file) {
        List<PackageId> found = new ArrayList<>();
        for (String raw : Lines.of(file)) {
            String line = raw.strip();
            if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                continue;
            }
            for (Pattern pattern : List.of(COORDINATES, MAP_FORM)) {
                Matcher m = pattern.matcher(line);
                while (m.find()) {
                    Lines.add(found, Ecosystem.MAVEN, m.group(1) + ":" + m.group(2));
                }
            }
            Matcher plugin = PLUGIN.matcher(line);
            if (plugin.find()) {
                String id = plugin.group(1);
                Lines.add(found, Ecosystem.MAVEN, id + ":" + id + ".gradle.plugin");
            }
        }
        return found;
    }
}
