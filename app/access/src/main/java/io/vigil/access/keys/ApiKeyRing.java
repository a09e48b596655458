package io.vigil.access.keys;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.vigil.access.api.ApiScope;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The API keys that may authenticate requests, held in memory on each node so that checking a key costs a SHA-256
 * and a map look-up, never a database round trip. Every {@code vigil.access.key-refresh} (250 ms) the node asks
 * PostgreSQL for the keys' highest revision and reloads them when it moved: a key created or revoked on any node is
 * known to every node within that time. Each key with a rate limit has its bucket here, so the limit holds per node.
 */
@Component
public class ApiKeyRing implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyRing.class);

    /** A key that authenticated a request: who called, and the key's rate limit if it has one. */
    public record Verified(ApiKeyPrincipal principal, Optional<Bucket> bucket) {}

    private static final class Entry {
        final ApiKeyStore.ActiveKey key;
        final Verified verified;
        final AtomicLong lastUsedMillis = new AtomicLong();

        Entry(ApiKeyStore.ActiveKey key, Verified verified) {
            this.key = key;
            this.verified = verified;
        }
    }

    private final ApiKeyStore store;
    private final ApiKeySettings settings;
    private final Clock clock;
    private final Optional<Entry> localKey;
    private volatile Map<ByteBuffer, Entry> keys = Map.of();
    private volatile long revision = -1;
    private final Map<String, Long> flushed = new HashMap<>();
    private ScheduledExecutorService refresher;

    @Autowired
    ApiKeyRing(ApiKeyStore store, ApiKeySettings settings) {
        this(store, settings, Clock.systemUTC());
    }

    ApiKeyRing(ApiKeyStore store, ApiKeySettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.localKey = Optional.ofNullable(settings.localKey()).map(ApiKeyRing::local);
    }

    private static Entry local(String key) {
        ApiKeyStore.ActiveKey local = new ApiKeyStore.ActiveKey(
                "local",
                "local",
                ApiKeySecret.prefixOf(key),
                ApiKeySecret.sha256(key),
                EnumSet.allOf(ApiScope.class),
                null,
                null);
        return new Entry(
                local,
                new Verified(
                        new ApiKeyPrincipal(local.keyId(), local.name(), local.prefix(), local.scopes()),
                        Optional.empty()));
    }

    /** The key a bearer token stands for, if it is a key that may authenticate now. */
    public Optional<Verified> verify(String presented) {
        if (!ApiKeySecret.wellFormed(presented)) {
            return Optional.empty();
        }
        ByteBuffer hash = ByteBuffer.wrap(ApiKeySecret.sha256(presented));
        Entry entry = keys.get(hash);
        if (entry == null
                && localKey.isPresent()
                && ByteBuffer.wrap(localKey.get().key.sha256()).equals(hash)) {
            entry = localKey.get();
        }
        if (entry == null) {
            return Optional.empty();
        }
        entry.lastUsedMillis.set(clock.millis());
        return Optional.of(entry.verified);
    }

    /** Reloads the keys if any was created or revoked since the last look; safe to call from any thread. */
    public synchronized void refresh() {
        long current = store.revision();
        if (current == revision) {
            return;
        }
        Map<ByteBuffer, Entry> reloaded = new HashMap<>();
        Map<String, Entry> previous = new HashMap<>();
        keys.values().forEach(e -> previous.put(e.key.keyId(), e));
        for (ApiKeyStore.ActiveKey key : store.active()) {
            Entry before = previous.get(key.keyId());
            Entry entry = before != null && sameLimits(before.key, key) ? before : entry(key);
            reloaded.put(ByteBuffer.wrap(key.sha256()), entry);
        }
        keys = Map.copyOf(reloaded);
        revision = current;
    }

    private static boolean sameLimits(ApiKeyStore.ActiveKey a, ApiKeyStore.ActiveKey b) {
        return Objects.equals(a.ratePerSecond(), b.ratePerSecond()) && Objects.equals(a.burst(), b.burst());
    }

    private static Entry entry(ApiKeyStore.ActiveKey key) {
        Optional<Bucket> bucket = Optional.ofNullable(key.ratePerSecond()).map(rate -> {
            int capacity = key.burst() == null ? rate : key.burst();
            return Bucket.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(capacity)
                            .refillGreedy(rate, Duration.ofSeconds(1))
                            .build())
                    .build();
        });
        ApiKeyPrincipal principal = new ApiKeyPrincipal(key.keyId(), key.name(), key.prefix(), key.scopes());
        return new Entry(key, new Verified(principal, bucket));
    }

    /** Writes the last-used time of the keys used since the last flush. */
    synchronized void flushLastUsed() {
        Map<String, Instant> used = new HashMap<>();
        for (Entry entry : keys.values()) {
            long at = entry.lastUsedMillis.get();
            if (at > flushed.getOrDefault(entry.key.keyId(), 0L)) {
                used.put(entry.key.keyId(), Instant.ofEpochMilli(at));
            }
        }
        if (!used.isEmpty()) {
            store.touch(used);
            used.forEach((id, at) -> flushed.put(id, at.toEpochMilli()));
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the API keys ({}); the keys known before stay in use", e.toString());
        }
    }

    private void flushQuietly() {
        try {
            flushLastUsed();
        } catch (RuntimeException e) {
            LOG.warn("Could not write when API keys were last used: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        refresh(); // the first load must succeed: a node that knows no keys would refuse every client
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "api-key-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long refreshMillis = settings.keyRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
        long flushMillis = settings.keyLastUsedFlush().toMillis();
        refresher.scheduleWithFixedDelay(this::flushQuietly, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
            flushQuietly();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refresher != null;
    }
}
