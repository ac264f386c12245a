package dev.skillbase.cli;

import dev.skillbase.skill.Problem;
import dev.skillbase.skill.SkillName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase init}: writes a new skill folder whose SKILL.md passes strict validation. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Creates DIR/NAME/SKILL.md with valid frontmatter and a body template to fill in.",
            "Never overwrites an existing SKILL.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the skill was created",
            "1:the folder already exists (without --force) or already holds a SKILL.md",
            "2:NAME breaks the naming rules, or the description is empty or too long",
            "3:the file could not be written"
        })
public final class InitCommand implements Callable<Integer> {
    /** Plain scalars some YAML readers would not read as strings. */
    private static final Set<String> AMBIGUOUS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");
    private static final int MAX_DESCRIPTION = 1024;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The skill's name: " + SkillName.RULES + ".")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Where to create NAME/ (default: the current folder).")
    Path dir;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the skill does and when to use it.")
    String description;

    @Option(names = "--force", description = "Add a SKILL.md to an existing folder (an existing SKILL.md is still kept).")
    boolean force;

    @Override
    public Integer call() {
        checkName();
        String text = description == null
                ? "Describe what " + name + " does and when an agent should use it." : description.strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_DESCRIPTION) {
            throw new UsageException("--description must have 1-" + MAX_DESCRIPTION + " characters");
        }
        Path folder = dir.resolve(name);
        if (Files.exists(folder) && !force) {
            throw new InvalidInputException(folder + " already exists: pass --force to add a SKILL.md to it");
        }
        Path target = folder.resolve("SKILL.md");
        if (Files.exists(target) || Files.exists(folder.resolve("skill.md"))) {
            throw new InvalidInputException(target + " already exists: init never overwrites a SKILL.md, edit it instead");
        }
        write(folder, target, render(text));
        spec.commandLine().getOut().println("created " + target);
        spec.commandLine().getOut().println("next: edit the description and body, then run: skillbase validate " + folder);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private void checkName() {
        var problems = SkillName.problems(name);
        if (!problems.isEmpty()) {
            throw new UsageException("invalid skill name \"" + name + "\": "
                    + problems.stream().map(Problem::message).collect(Collectors.joining("; "))
                    + ". Rules: " + SkillName.RULES);
        }
    }

    private String render(String text) {
        String yamlName = AMBIGUOUS.contains(name) || !name.matches("[a-z][a-z0-9-]*") ? quoted(name) : name;
        String title = java.util.Arrays.stream(name.split("-"))
                .map(word -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining(" "));
        return """
                ---
                name: %s
                description: %s
                metadata:
                  version: "0.1.0"
                ---

                # %s

                <!-- The description above is what an agent reads to decide whether to load this skill:
                     say what the skill does and when to use it, in at most 1024 characters. -->

                ## When to use

                Describe the tasks or requests this skill is for, and those it is not for.

                ## Instructions

                1. Write the steps an agent should follow, in order.
                2. Name the tools, commands or files each step uses.
                3. Say how to check that the result is right.

                ## Files

                Put scripts in `scripts/`, reference documents in `references/` and templates or data in
                `assets/`, and mention each file here so the agent knows when to read or run it.
                """.formatted(yamlName, quoted(text), title);
    }

    /** A JSON string literal is also a valid YAML double-quoted scalar. */
    private static String quoted(String text) {
        return Json.quote(text);
    }

    /** Temp file in the same folder, then an atomic rename: a reader never sees half a SKILL.md. */
    private static void write(Path folder, Path target, String content) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".SKILL.md.", ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
