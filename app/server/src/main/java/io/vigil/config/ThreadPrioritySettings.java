package io.vigil.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much lower than the request threads Vigil runs its background threads ({@link BackgroundThreadPriority}).
 *
 * @param backgroundNice the Linux nice value given to the background threads: {@code 10} by default gives a busy
 *     background thread about a tenth of the CPU share of a request thread while both want the same core, and all of
 *     a core nobody else wants; {@code 0} (the request threads' own) leaves them alone
 * @param background name prefixes of further threads to lower, checked every 30 s; none by default. Not the garbage
 *     collector's: niced, they fell behind when the request threads kept both cores busy (at 2,000 decisions/s on two
 *     cores a young collection took 6.6 s instead of 1 s), and allocations then wait for them. Not the JIT
 *     compilers': with them niced, the first 15 s of load after a start were slow (100-160 ms), which a slower
 *     compilation would explain; that they were the cause is not measured
 * @param backgroundProcessors the event processors (processing groups) whose threads are lowered: by default the
 *     projections into ClickHouse. Not the review queue's, whose entries analysts wait for. Not the processors that publish to the pattern store
 *     ({@code couchdb-patterns}, {@code couchdb-lists}, the models'): a publication has a 1 s target, and with those
 *     niced it missed it under the load of a CI run
 */
@ConfigurationProperties("vigil.threads")
public record ThreadPrioritySettings(
        Integer backgroundNice, List<String> background, List<String> backgroundProcessors) {

    static final List<String> DEFAULT_BACKGROUND_PROCESSORS =
            List.of("clickhouse-transactions", "clickhouse-operations", "clickhouse-search");

    public ThreadPrioritySettings {
        backgroundNice = backgroundNice == null ? 10 : backgroundNice;
        if (backgroundNice < 0 || backgroundNice > 19) {
            throw new IllegalArgumentException(
                    "vigil.threads.background-nice must be from 0 (off) to 19, not " + backgroundNice);
        }
        background = background == null ? List.of() : List.copyOf(background);
        backgroundProcessors =
                backgroundProcessors == null ? DEFAULT_BACKGROUND_PROCESSORS : List.copyOf(backgroundProcessors);
    }
}
