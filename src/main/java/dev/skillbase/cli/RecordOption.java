package dev.skillbase.cli;

import picocli.CommandLine.Option;

/** {@code --no-record}: keep an install, update or uninstall to this machine. */
public final class RecordOption {
    @Option(names = "--no-record",
            description = "Do not record this on the registry server. By default, with --registry and a token, the "
                    + "server records each skill installed from it, per agent and scope "
                    + "(GET /api/v1/me/installations).")
    boolean noRecord;
}
