package io.vigil.access.security;

import io.vigil.access.config.AccessSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: counts failed sign-ins per username and per client address, and once either count
 * reaches its limit within the failure window, refuses sign-ins for that name or address for a delay that doubles with
 * each further failure ({@link AccessSettings.SignIn}). A refused sign-in is not checked, so it tells nothing about
 * the password, and does not count. A successful sign-in forgets the username's failures, not the address's.
 *
 * <p>The counts are in this Vigil's memory: each node throttles on its own, and a restart forgets them. Both are
 * bounded: at most {@value #MAX_TRACKED} names and addresses each; past that, the ones quiet the longest go first.
 */
public class SignInThrottle {

    static final int MAX_TRACKED = 100_000;

    /** The failures of one username or address. */
    private record Failures(int count, Instant last, Instant blockedUntil) {

        Instant quietSince() {
            return blockedUntil.isAfter(last) ? blockedUntil : last;
        }
    }

    private final AccessSettings.SignIn settings;
    private final Clock clock;
    private final Map<String, Failures> byUsername = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public SignInThrottle(AccessSettings.SignIn settings) {
        this(settings, Clock.systemUTC());
    }

    SignInThrottle(AccessSettings.SignIn settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long sign-ins by this username or from this address are refused still; empty when they may try. */
    public Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Failures failures :
                new Failures[] {current(byUsername, username, now), current(byAddress, address, now)}) {
            if (failures != null && failures.blockedUntil.isAfter(now)) {
                Duration left = Duration.between(now, failures.blockedUntil);
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A wrong password or an unknown username. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(byUsername, username, settings.maxFailures(), now);
        count(byAddress, address, settings.maxFailuresPerAddress(), now);
    }

    /** A successful sign-in: the username starts afresh. */
    public void succeeded(String username) {
        if (username != null) {
            byUsername.remove(username);
        }
    }

    /** How many names or addresses are remembered, the larger of the two. */
    int tracked() {
        return Math.max(byUsername.size(), byAddress.size());
    }

    private void count(Map<String, Failures> counts, String key, int limit, Instant now) {
        if (key == null) {
            return;
        }
        counts.compute(key, (k, before) -> {
            int count = (before == null || forgotten(before, now) ? 0 : before.count) + 1;
            Instant blockedUntil = now;
            if (count >= limit) {
                blockedUntil = now.plus(delay(count - limit));
            }
            return new Failures(count, now, blockedUntil);
        });
        if (counts.size() > MAX_TRACKED) {
            prune(counts, now);
        }
    }

    /** {@code first-delay}, doubled for each failure past the limit, at most {@code max-delay}. */
    private Duration delay(int beyondLimit) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < beyondLimit && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private Failures current(Map<String, Failures> counts, String key, Instant now) {
        if (key == null) {
            return null;
        }
        Failures failures = counts.get(key);
        if (failures != null && forgotten(failures, now)) {
            counts.remove(key, failures);
            return null;
        }
        return failures;
    }

    private boolean forgotten(Failures failures, Instant now) {
        return !failures.quietSince().plus(settings.failureWindow()).isAfter(now);
    }

    /** Forgets what the window has let go; if that is not enough, the longest quiet half. */
    private void prune(Map<String, Failures> counts, Instant now) {
        counts.values().removeIf(failures -> forgotten(failures, now));
        if (counts.size() > MAX_TRACKED) {
            counts.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue((a, b) -> a.quietSince().compareTo(b.quietSince())))
                    .limit(counts.size() - MAX_TRACKED / 2)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(counts::remove);
        }
    }
}
