package dev.skillbase.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the command prints exactly one JSON document on stdout and every message on stderr. */
public final class JsonOption {
    @Option(names = "--json", description = "Print exactly one JSON document on stdout (messages go to stderr).")
    boolean enabled;
}
