package dev.skillbase.cli;

import dev.skillbase.registry.HttpRegistry;
import dev.skillbase.registry.Registry;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --registry} and {@code --token} for a command that reads nothing from a registry but tells its server what
 * it did ({@code uninstall}). Defaults as for the other commands: {@code $SKILLBASE_REGISTRY},
 * {@code $SKILLBASE_TOKEN}.
 */
public final class ServerOption {
    @Option(names = "--registry", paramLabel = "URL",
            description = "The skillbase server to remove the recorded installations from (default $"
                    + DbOption.REGISTRY_ENV + "); nothing is sent without a token.")
    String registry;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The bearer token for --registry (default $" + DbOption.TOKEN_ENV + ").")
    String token;

    private final Map<String, String> env = System.getenv();

    /** The server's client, when a server is named. */
    Optional<Registry> openServer() {
        return Optional.ofNullable(registry).or(() -> Optional.ofNullable(env.get(DbOption.REGISTRY_ENV)))
                .filter(url -> !url.isBlank())
                .map(url -> HttpRegistry.open(url, Optional.ofNullable(token)
                        .or(() -> Optional.ofNullable(env.get(DbOption.TOKEN_ENV)))));
    }
}
