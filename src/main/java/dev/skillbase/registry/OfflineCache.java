package dev.skillbase.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where an {@link HttpRegistry} keeps what its server answered, so that reads still work when the server cannot be
 * reached: under {@code <folder>/<host>-<port>/}, by default {@code $XDG_CACHE_HOME/skillbase/registry} (else
 * {@code ~/.cache/skillbase/registry}). Offline, the client prints {@code notice} once (one line) and answers from
 * the cache; see {@link ResponseCache}. Each registry's folder is kept under {@link #MAX_BYTES}. Immutable.
 */
public final class OfflineCache {
    /** The files of one registry's cache, at most; beyond it the least recently stored go (see CacheStore). */
    static final long MAX_BYTES = 1L << 30;
    private final Optional<Path> folder;
    private final Consumer<String> notice;
    private final Clock clock;

    private OfflineCache(Optional<Path> folder, Consumer<String> notice, Clock clock) {
        this.folder = folder;
        this.notice = notice;
        this.clock = clock;
    }

    /** No cache: every read goes to the server, and an unreachable server is an error. */
    public static OfflineCache off() {
        return new OfflineCache(Optional.empty(), line -> { }, Clock.systemUTC());
    }

    /** A cache under {@code folder} (one subfolder per registry), telling {@code notice} when it serves offline. */
    public static OfflineCache in(Path folder, Consumer<String> notice) {
        return new OfflineCache(Optional.of(folder), notice, Clock.systemUTC());
    }

    /** {@code $XDG_CACHE_HOME/skillbase/registry} when XDG_CACHE_HOME is absolute, else under {@code $HOME/.cache}. */
    public static Path defaultFolder(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        String home = env.getOrDefault("HOME", "");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home.isBlank() ? System.getProperty("user.home") : home, ".cache");
        return base.resolve("skillbase").resolve("registry");
    }

    /**
     * The folder of the registry at {@code url}: {@code <folder>/<host>-<port>}; empty when the cache is off.
     *
     * @throws InvalidRegistryUrlException when {@code url} is not an http(s) URL with a host
     */
    public Optional<Path> folderOf(String url) {
        return folderOf(RegistryTransport.parse(url));
    }

    Optional<Path> folderOf(URI base) {
        return folder.map(f -> f.resolve(hostPort(base)));
    }

    /**
     * The cache of the registry at {@code base} as seen with {@code token}: answers fetched with one token (or none)
     * are never served offline to another, since a server answers each caller with what that caller may read.
     */
    ResponseCache forRegistry(URI base, Optional<String> token) {
        return folder.isEmpty() ? ResponseCache.off(base)
                : new ResponseCache(base, caller(token), folderOf(base).map(f -> new CacheStore(f, MAX_BYTES)),
                        notice, clock);
    }

    /** Who asks, as part of each cache key: a token by a prefix of its SHA-256 (never the token itself). */
    private static String caller(Optional<String> token) {
        return token.map(t -> "token " + CacheStore.sha256(t.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(7, 7 + 16)).orElse("anonymous");
    }

    private static String hostPort(URI base) {
        int port = base.getPort() >= 0 ? base.getPort()
                : base.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return (base.getHost().toLowerCase(Locale.ROOT) + "-" + port).replaceAll("[^a-z0-9.-]", "_");
    }
}
