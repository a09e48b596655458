package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import io.vigil.patterns.api.PatternSetUpdate;
import io.vigil.patterns.config.PatternChangesSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The feed-following logic against a scripted feed: where it starts, what it pushes, what it skips, and how it
 * reconnects. Each poll of the scripted feed blocks, like a long-poll, until the test hands it a batch or a failure.
 */
class PatternChangeFollowerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScriptedFeed feed = new ScriptedFeed();
    private final AtomicReference<PatternSet> stored = new AtomicReference<>(set(1));
    private final AtomicInteger loads = new AtomicInteger();
    private final BlockingQueue<PatternSetUpdate> pushed = new LinkedBlockingQueue<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private PatternChangeFollower follower;

    @AfterEach
    void stop() {
        if (follower != null) {
            follower.stop();
        }
    }

    @Test
    void startsFromWhereTheDatabaseIsAfterLoadingTheSetAndPushesIt() throws Exception {
        feed.positions.add("42");

        start(true);

        PatternSetUpdate first = next();
        assertThat(first.set().version()).isEqualTo(1);
        assertThat(first.seenAt()).as("no change was seen in the feed").isNull();
        assertThat(feed.awaitPoll()).isEqualTo("42");
        assertThat(follower.connected()).isTrue();
        assertThat(meters.get("vigil.pattern.changes.connected").gauge().value())
                .isEqualTo(1.0);
    }

    @Test
    void pushesTheNewSetWhenTheSetDocumentChanges() throws Exception {
        following("42");

        stored.set(set(2));
        feed.answer(change("vigil-pattern-set", "43"));

        PatternSetUpdate update = next();
        assertThat(update.set().version()).isEqualTo(2);
        assertThat(update.seenAt()).isEqualTo(NOW);
        assertThat(update.set().patterns()).extracting(PatternDefinition::id).containsExactly("p-2");
        assertThat(feed.awaitPoll()).isEqualTo("43");
    }

    @Test
    void skipsChangesToOtherDocumentsAndMovesPastThem() throws Exception {
        following("42");
        int loadsBefore = loads.get();

        feed.answer(change("p-card-testing", "43"), change("list-block-card-7f3a", "44"));

        assertThat(feed.awaitPoll()).isEqualTo("44");
        assertThat(pushed).isEmpty();
        assertThat(loads.get()).isEqualTo(loadsBefore);
    }

    @Test
    void pushesOnceForABatchThatChangesOtherDocumentsAndTheSet() throws Exception {
        following("42");

        stored.set(set(2));
        feed.answer(change("p-2", "43"), change("vigil-pattern-set", "44"), change("list-x", "45"));

        assertThat(next().set().version()).isEqualTo(2);
        assertThat(feed.awaitPoll()).isEqualTo("45");
        assertThat(pushed).isEmpty();
    }

    @Test
    void theDeletionOfTheSetDocumentIsNoNewSet() throws Exception {
        following("42");

        feed.answer(new ChangeFeed.Change("vigil-pattern-set", "43", true));

        assertThat(feed.awaitPoll()).isEqualTo("43");
        assertThat(pushed).isEmpty();
    }

    @Test
    void keepsItsPlaceWhenAPollBringsNothing() throws Exception {
        following("42");

        feed.answer();

        assertThat(feed.awaitPoll()).isEqualTo("42");
    }

    @Test
    void reconnectsWithGrowingWaitsFromWhereTheDatabaseIsThenAndPushesWhatChangedMeanwhile() throws Exception {
        following("42");

        feed.fail(new IllegalStateException("connection reset")); // the store went away mid-poll
        feed.positions.add(new IllegalStateException("connection refused"));
        feed.positions.add(new IllegalStateException("connection refused"));
        stored.set(set(3)); // changed while the feed was not followed
        feed.positions.add("7"); // a store started again from scratch: its sequence went back

        PatternSetUpdate reloaded = next();
        assertThat(reloaded.set().version()).isEqualTo(3);
        assertThat(feed.awaitPoll()).isEqualTo("7");
        assertThat(waits).containsExactly(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(600));
        assertThat(follower.connected()).isTrue();
        assertThat(meters.get("vigil.pattern.changes.failures").counter().count())
                .isEqualTo(3.0);

        feed.answer(change("p-3", "8")); // a poll that succeeds: the next failure waits the least again
        feed.awaitPoll();
        feed.fail(new IllegalStateException("connection reset"));
        feed.positions.add("9");
        next();
        assertThat(waits).last().isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void isNotConnectedWhileItCannotReachTheStore() throws Exception {
        feed.positions.add(new IllegalStateException("connection refused"));
        feed.positions.add(new IllegalStateException("connection refused"));

        start(true);

        feed.awaitPositionAsked(2);
        assertThat(pushed).isEmpty();
        assertThat(meters.get("vigil.pattern.changes.connected").gauge().value())
                .isZero();
    }

    @Test
    void followsNothingWhenSwitchedOff() {
        start(false);

        assertThat(follower.isRunning()).isFalse();
        assertThat(feed.positionsAsked.get()).isZero();
        assertThat(loads.get()).isZero();
    }

    /** Started, with the set pushed once and the first poll made, from the position given. */
    private void following(String position) throws InterruptedException {
        feed.positions.add(position);
        start(true);
        next();
        assertThat(feed.awaitPoll()).isEqualTo(position);
    }

    private void start(boolean enabled) {
        follower = new PatternChangeFollower(
                feed,
                () -> {
                    loads.incrementAndGet();
                    return stored.get();
                },
                pushed::add,
                new PatternChangesSettings(
                        enabled, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(2)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                waits::add,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.5),
                meters);
        follower.start();
    }

    private PatternSetUpdate next() throws InterruptedException {
        PatternSetUpdate update = pushed.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(update).as("a pushed set").isNotNull();
        return update;
    }

    private static ChangeFeed.Change change(String id, String sequence) {
        return new ChangeFeed.Change(id, sequence, false);
    }

    private static PatternSet set(long version) {
        return new PatternSet(
                version,
                List.of(new PatternDefinition(
                        "p-" + version, "Pattern " + version, "", "tx.amount > 1.0", "review", PatternMode.ACTIVE, 1)));
    }

    /** A feed whose positions and polls the test scripts; a call with nothing scripted waits, like a long-poll. */
    private static final class ScriptedFeed implements ChangeFeed {

        final BlockingQueue<Object> positions = new LinkedBlockingQueue<>();
        final AtomicInteger positionsAsked = new AtomicInteger();
        private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
        private final BlockingQueue<String> polls = new LinkedBlockingQueue<>();

        @Override
        public String currentSequence() {
            positionsAsked.incrementAndGet();
            Object next = take(positions);
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (String) next;
        }

        @Override
        public List<Change> changesAfter(String since) {
            polls.add(since);
            Object next = take(answers);
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            @SuppressWarnings("unchecked")
            List<Change> changes = (List<Change>) next;
            return changes;
        }

        /** Waits for what the test scripts next, as a store that has not answered yet; stopping interrupts it. */
        private static Object take(BlockingQueue<Object> script) {
            try {
                return script.take();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped");
            }
        }

        void answer(Change... changes) {
            answers.add(new ArrayList<>(List.of(changes)));
        }

        void fail(RuntimeException failure) {
            answers.add(failure);
        }

        /** The {@code since} of the next poll the follower makes. */
        String awaitPoll() throws InterruptedException {
            String since = polls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(since).as("a poll of the feed").isNotNull();
            return since;
        }

        void awaitPositionAsked(int times) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (positionsAsked.get() < times && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(positionsAsked.get()).isGreaterThanOrEqualTo(times);
        }
    }
}
