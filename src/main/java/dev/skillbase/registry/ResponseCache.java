package dev.skillbase.registry;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The GETs of one {@link RegistryTransport}, kept in a {@link CacheStore} and served from it once the server cannot
 * be reached. Online, every answer is the server's: a cached copy with an ETag is revalidated with
 * {@code If-None-Match} (a 304 then costs no body), a 200 replaces the copy and a 404 deletes it. When a request
 * cannot reach the server (connection refused, unknown host, timeout), the cache goes offline for the rest of its
 * life, so later requests do not wait on the network again: each is answered from its cached copy, the first one
 * with a single notice, and a request with no copy fails as unreachable. A server that answers with an error is not
 * offline: its error is reported as usual. Thread-safe.
 */
final class ResponseCache {
    /** Sends one GET, with {@code If-None-Match} when a tag is given; a 304 is an answer. */
    interface Exchange {
        RegistryTransport.Response send(Optional<String> ifNoneMatch);
    }

    private static final Pattern ARCHIVE = Pattern.compile("/api/v1/skills/[^/?]+/[^/?]+/versions/[^/?]+/archive");
    private static final Pattern DIGEST_TAG = Pattern.compile("\"(sha256:[0-9a-f]{64})\"");

    private final URI base;
    private final String caller;
    private final Optional<CacheStore> store;
    private final Consumer<String> notice;
    private final Clock clock;
    private final AtomicReference<RegistryUnavailableException> unreachable = new AtomicReference<>();
    private final AtomicBoolean noticed = new AtomicBoolean();

    /** @param caller who asks (see {@link OfflineCache}): part of every key, so callers never share answers */
    ResponseCache(URI base, String caller, Optional<CacheStore> store, Consumer<String> notice, Clock clock) {
        this.base = base;
        this.caller = caller;
        this.store = store;
        this.notice = notice;
        this.clock = clock;
    }

    /** A cache that keeps nothing: every GET goes to the server. */
    static ResponseCache off(URI base) {
        return new ResponseCache(base, "anonymous", Optional.empty(), line -> { }, Clock.systemUTC());
    }

    /** Whether the server was found unreachable (then every GET is answered from the cache). */
    boolean offline() {
        return unreachable.get() != null;
    }

    /** The answer to {@code GET path}: the server's, or the cached one when the server cannot be reached. */
    RegistryTransport.Response get(String path, Exchange exchange) {
        if (store.isEmpty()) {
            return exchange.send(Optional.empty());
        }
        CacheStore cache = store.get();
        String key = base + path + " as " + caller;
        RegistryUnavailableException down = unreachable.get();
        Optional<CacheStore.Entry> cached = cache.read(key);
        if (down != null) {
            return fromCache(path, cached, down);
        }
        RegistryTransport.Response response;
        try {
            response = exchange.send(cached.flatMap(CacheStore.Entry::etag));
        } catch (RegistryUnavailableException e) {
            if (!(e.getCause() instanceof IOException)) {
                throw e;
            }
            unreachable.compareAndSet(null, e);
            return fromCache(path, cached, e);
        }
        if (response.status() == 304 && cached.isPresent()) {
            response = new RegistryTransport.Response(200, cached.get().body(), cached.get().etag());
        }
        if (response.status() == 404) {
            cache.remove(key);
        } else if (response.status() == 200) {
            keep(cache, key, path, response);
        }
        return response;
    }

    private void keep(CacheStore cache, String key, String path, RegistryTransport.Response response) {
        CacheStore.Entry entry = new CacheStore.Entry(response.body(), response.etag(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        if (ARCHIVE.matcher(path).matches()) {
            // the server tags an archive with its digest: the bytes are checked against it before they are kept
            String digest = response.etag().map(DIGEST_TAG::matcher).filter(java.util.regex.Matcher::matches)
                    .map(m -> m.group(1)).orElseGet(() -> CacheStore.sha256(response.body()));
            cache.writeArchive(key, digest, entry);
        } else {
            cache.write(key, entry);
        }
    }

    private RegistryTransport.Response fromCache(String path, Optional<CacheStore.Entry> cached,
            RegistryUnavailableException down) {
        CacheStore.Entry entry = cached.orElseThrow(() -> new RegistryUnavailableException("the registry at " + base
                + " is unreachable and nothing is cached for GET " + path, down));
        if (noticed.compareAndSet(false, true)) {
            notice.accept("skillbase: registry " + base + " is unreachable; offline, showing cached data from "
                    + entry.storedAt());
        }
        return new RegistryTransport.Response(200, entry.body(), entry.etag());
    }
}
