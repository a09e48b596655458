package io.vigil.config;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers (every command, event, query and result gets one) as random (version 4) UUIDs drawn
 * from a generator per thread, instead of Axon's default {@link UUID#randomUUID()}.
 *
 * <p>{@code UUID.randomUUID()} draws from one {@link SecureRandom} shared by the whole JVM, behind a lock. A decision
 * creates about a dozen messages on its request thread and the event processors create more, so at 1,000
 * decisions a second the request threads queued on that lock: a profile of the scoring benchmark showed waits of
 * 17-44 ms on it, enough to set the decision latency's 99th percentile on two cores.
 *
 * <p>Identifiers need to be unique, not secret (they name messages in the event store and the logs; nothing is
 * authorised by knowing one). Each thread's generator is an {@code L64X256MixRandom} (256 bits of state plus a 64-bit
 * LCG, period 2^320) seeded once from {@link SecureRandom}: 122 random bits per identifier as in any version 4 UUID,
 * from streams that do not overlap in practice. Registered through {@code META-INF/services}, which is how Axon
 * finds an {@link IdentifierFactory}.
 */
public final class MessageIdentifierFactory extends IdentifierFactory {

    private static final SecureRandom SEEDS = new SecureRandom();

    private static final ThreadLocal<RandomGenerator> RANDOM = ThreadLocal.withInitial(() -> {
        byte[] seed = new byte[40];
        synchronized (SEEDS) {
            SEEDS.nextBytes(seed);
        }
        return RandomGeneratorFactory.of("L64X256MixRandom").create(seed);
    });

    @Override
    public String generateIdentifier() {
        return next(RANDOM.get()).toString();
    }

    /** A version 4 (random), variant 2 UUID from the given generator. */
    static UUID next(RandomGenerator random) {
        long high = random.nextLong();
        long low = random.nextLong();
        high = (high & ~0xF000L) | 0x4000L; // version 4
        low = (low & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low);
    }
}
