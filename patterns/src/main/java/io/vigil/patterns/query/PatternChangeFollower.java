package io.vigil.patterns.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.patterns.api.FindPatternSetQuery;
import io.vigil.patterns.api.PatternSet;
import io.vigil.patterns.api.PatternSetUpdate;
import io.vigil.patterns.config.CouchDbSettings;
import io.vigil.patterns.config.PatternChangesSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.ektorp.CouchDbConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the pattern store's change feed and pushes the pattern set to this process's subscribers of
 * {@link FindPatternSetQuery} (scoring) as soon as the {@value CouchPatternStore#SET_ID} document changes. Every Vigil
 * process follows the feed itself, so a change reaches every node, however many there are, without any message
 * between nodes.
 *
 * <p>Each connection starts where the database is now: it takes the feed's current position, then loads the set
 * (so that a change made before that position, while the feed was not followed, is pushed too), then long-polls for
 * the changes after that position. Changes to other documents (a pattern or list entry written before the set's
 * version is raised) are skipped: writers raise the version once their change is complete. When the feed fails (the
 * store is down or restarted, the connection breaks) the follower reconnects with a growing wait ({@link Backoff}),
 * and each reconnection loads the set again. Meanwhile scoring goes on with the set it has.
 */
@Component
class PatternChangeFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PatternChangeFollower.class);

    /** Sleeps between reconnections; a test's does not. */
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    private final ChangeFeed feed;
    private final Supplier<PatternSet> load;
    private final Consumer<PatternSetUpdate> push;
    private final boolean enabled;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Counter failures;
    private volatile boolean connected;
    private volatile boolean running;
    private volatile Thread thread;
    private boolean lost;

    @Autowired
    PatternChangeFollower(
            CouchPatternStore store,
            CouchDbConnector patternDatabase,
            QueryUpdateEmitter updates,
            CouchDbSettings couchDb,
            PatternChangesSettings settings,
            MeterRegistry meters) {
        this(
                new CouchChangeFeed(patternDatabase, heartbeatMillis(settings, couchDb)),
                store::load,
                update -> updates.emit(FindPatternSetQuery.class, query -> true, update),
                settings,
                Clock.systemUTC(),
                wait -> Thread.sleep(wait.toMillis()),
                new Backoff(
                        settings.reconnectMin(),
                        settings.reconnectMax(),
                        () -> ThreadLocalRandom.current().nextDouble()),
                meters);
    }

    PatternChangeFollower(
            ChangeFeed feed,
            Supplier<PatternSet> load,
            Consumer<PatternSetUpdate> push,
            PatternChangesSettings settings,
            Clock clock,
            Sleeper sleeper,
            Backoff backoff,
            MeterRegistry meters) {
        this.feed = feed;
        this.load = load;
        this.push = push;
        this.enabled = settings.enabled();
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
        Gauge.builder("vigil.pattern.changes.connected", this, follower -> follower.connected ? 1 : 0)
                .description("1 while this node follows the pattern store's change feed, 0 while it reconnects")
                .register(meters);
        this.failures = Counter.builder("vigil.pattern.changes.failures")
                .description("Times following the pattern store's change feed failed (each followed by a reconnection)")
                .register(meters);
    }

    /** The heartbeat, checked against the socket timeout that it must keep from firing on an idle poll. */
    static int heartbeatMillis(PatternChangesSettings settings, CouchDbSettings couchDb) {
        long heartbeat = settings.heartbeat().toMillis();
        if (heartbeat >= couchDb.socketTimeoutMillis()) {
            throw new IllegalArgumentException("vigil.couchdb.changes.heartbeat (" + settings.heartbeat()
                    + ") must be shorter than vigil.couchdb.socket-timeout-millis (" + couchDb.socketTimeoutMillis()
                    + "), or every idle poll of the change feed times out");
        }
        return (int) heartbeat;
    }

    /** Whether the feed is being followed now. */
    boolean connected() {
        return connected;
    }

    @Override
    public void start() {
        if (!enabled) {
            log.info("Not following the pattern store's change feed (vigil.couchdb.changes.enabled is false)");
            return;
        }
        running = true;
        Thread follower = new Thread(this::run, "vigil-pattern-changes");
        follower.setDaemon(true); // a poll blocked in a socket read ends when the CouchDB client shuts down
        thread = follower;
        follower.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread follower = thread;
        if (follower != null) {
            follower.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                follow();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                connected = false;
                failures.increment();
                Duration wait = backoff.next();
                if (!lost) {
                    log.warn(
                            "Pattern store's change feed lost, reconnecting (scoring goes on with the set in memory): {}",
                            e.toString());
                    lost = true;
                } else {
                    log.debug("Pattern store's change feed still unavailable, next try in {}: {}", wait, e.toString());
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One connection: from where the database is now, until the feed fails or the follower stops. */
    private void follow() {
        load.get(); // creates the database and the set on first use, so that it has a sequence to start from
        String since = feed.currentSequence();
        publish(null); // no change seen: whatever changed while the feed was not followed
        connected = true;
        if (lost) {
            log.info("Following the pattern store's change feed again, from sequence {}", since);
            lost = false;
        } else {
            log.info("Following the pattern store's change feed from sequence {}", since);
        }
        while (running) {
            List<ChangeFeed.Change> changes = feed.changesAfter(since);
            Instant seen = clock.instant();
            backoff.reset();
            if (touchesSet(changes)) {
                publish(seen);
            }
            since = nextSince(since, changes);
        }
    }

    /** Reads the set and pushes it; {@code seen} is when the feed showed its change, null when none was seen. */
    private void publish(Instant seen) {
        PatternSet set = load.get();
        if (running) {
            push.accept(new PatternSetUpdate(set, seen));
        }
    }

    /** Whether a batch changed the set document; its deletion is no new set, and other documents are not either. */
    static boolean touchesSet(List<ChangeFeed.Change> changes) {
        return changes.stream().anyMatch(change -> change.id().equals(CouchPatternStore.SET_ID) && !change.deleted());
    }

    /** The position after a batch: that of its last row, or where it was when the batch is empty. */
    static String nextSince(String since, List<ChangeFeed.Change> changes) {
        return changes.isEmpty() ? since : changes.get(changes.size() - 1).sequence();
    }
}
