package io.vigil.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much lower than the request threads Vigil runs its background threads ({@link BackgroundThreadPriority}).
 *
 * @param backgroundNice the Linux nice value given to the background threads: the default {@code 0} (the request
 *     threads' own) leaves them alone; {@code 10} gives a busy background thread about a tenth of the CPU share of a
 *     request thread while both want the same core, and all of a core nobody else wants. Off by default: the
 *     processors that publish patterns to the pattern store are among these threads (their names cannot be told
 *     apart from the projections' in {@code /proc}), and under load a publication then missed its 1 s target
 * @param background the name prefixes of the background threads: the event processors that project and publish
 *     (ClickHouse, CouchDB, notifications, reviews) and the event store's reader. Not the garbage collector's:
 *     niced, they fell behind when the request threads kept both cores busy (at 2,000 decisions/s on two cores a
 *     young collection took 6.6 s instead of 1 s), and allocations then wait for them. Not the JIT compilers':
 *     with them niced, the first 15 s of load after a start were slow (100-160 ms), which a slower compilation
 *     would explain; that they were the cause is not measured
 */
@ConfigurationProperties("vigil.threads")
public record ThreadPrioritySettings(Integer backgroundNice, List<String> background) {

    static final List<String> DEFAULT_BACKGROUND = List.of("EventProcessor[", "EmbeddedEventSt");

    public ThreadPrioritySettings {
        backgroundNice = backgroundNice == null ? 0 : backgroundNice;
        if (backgroundNice < 0 || backgroundNice > 19) {
            throw new IllegalArgumentException(
                    "vigil.threads.background-nice must be from 0 (off) to 19, not " + backgroundNice);
        }
        background = background == null || background.isEmpty() ? DEFAULT_BACKGROUND : List.copyOf(background);
    }
}
