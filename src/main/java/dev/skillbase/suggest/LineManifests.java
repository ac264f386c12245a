package dev.skillbase.suggest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line formats. {@code requirements*.txt}: one PEP 508 requirement a line; comments ({@code #} at the start or
 * after a space), blank lines, options ({@code -r}, {@code -e}, {@code --index-url}) and URLs or paths are skipped.
 * {@code go.mod}: the module paths of {@code require} lines and blocks, but {@code // indirect} ones.
 * {@code Gemfile}: the first string of each {@code gem} line.
 */
final class LineManifests {
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
    private static final Pattern GO_REQUIRE = Pattern.compile("^(?:require\\s+)?(\\S+)\\s+v\\S+");
    private static final Pattern GEM = Pattern.compile("^\\s*gem\\s*\\(?\\s*['\"]([^'\"]+)['\"]");

    private LineManifests() {
    }

    static final Manifest REQUIREMENTS = new Manifest() {
        @Override
        public boolean accepts(String fileName) {
            return fileName.startsWith("requirements") && fileName.endsWith(".txt");
        }

        @Override
        public List<PackageId> read(Path file) {
            List<PackageId> found = new ArrayList<>();
            for (String raw : Lines.of(file)) {
                String line = COMMENT.matcher(raw).replaceFirst("").strip();
                if (line.isEmpty() || line.startsWith("-") || line.contains("://") || line.startsWith(".")
                        || line.startsWith("/")) {
                    continue;
                }
                Matcher name = TomlManifests.REQUIREMENT.matcher(line);
                if (name.find()) {
                    Lines.add(found, Ecosystem.PYPI, name.group(1));
                }
            }
            return found;
        }
    };

    static final Manifest GO_MOD = new Manifest() {
        @Override
        public boolean accepts(String fileName) {
            return fileName.equals("go.mod");
        }

        @Override
        public List<PackageId> read(Path file) {
            List<PackageId> found = new ArrayList<>();
            boolean inBlock = false;
            for (String raw : Lines.of(file)) {
                String line = raw.strip();
                if (line.startsWith("require (") || line.equals("require(")) {
                    inBlock = true;
                } else if (inBlock && line.startsWith(")")) {
                    inBlock = false;
                } else if ((inBlock || line.startsWith("require ")) && !line.endsWith("// indirect")) {
                    Matcher module = GO_REQUIRE.matcher(line);
                    if (module.find()) {
                        Lines.add(found, Ecosystem.GO, module.group(1));
                    }
                }
            }
            return found;
        }
    };

    static final Manifest GEMFILE = new Manifest() {
        @Override
        public boolean accepts(String fileName) {
            return fileName.equals("Gemfile");
        }

        @Override
        public List<PackageId> read(Path file) {
            List<PackageId> found = new ArrayList<>();
            for (String line : Lines.of(file)) {
                Matcher gem = GEM.matcher(line);
                if (gem.find()) {
                    Lines.add(found, Ecosystem.GEM, gem.group(1));
                }
            }
            return found;
        }
    };
}
