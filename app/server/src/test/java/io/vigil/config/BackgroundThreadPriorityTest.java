package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BackgroundThreadPriorityTest {

    @Test
    void readsTheNameAndNiceValueOfAThread() {
        String stat = "4242 (EventProcessor[) x) S 1 4200 4200 0 -1 4194368 120 0 0 0 35 7 0 0 30 10 61 0 1901 "
                + "8532787200 71424 18446744073709551615 1 1 0 0 0 0 4 0 16902 0 0 0 -1 1 0 0 0 0 0";
        BackgroundThreadPriority.TaskStat parsed = BackgroundThreadPriority.TaskStat.parse(stat);
        assertThat(parsed.name()).isEqualTo("EventProcessor[) x");
        assertThat(parsed.nice()).isEqualTo(10);
    }

    @Test
    void lowersTheBackgroundThreadsOnly() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        CountDownLatch done = new CountDownLatch(1);
        Thread background = startParked("EventProcessor[test-priority]-0", done);
        Thread request = startParked("http-nio-test-exec-1", done);
        try {
            var priority =
                    new BackgroundThreadPriority(new ThreadPrioritySettings(7, List.of("EventProcessor["), null));
            List<String> due = priority.due();
            String backgroundTid = tidOf("EventProcessor[");
            String requestTid = tidOf("http-nio-test-e");
            assertThat(due).contains(backgroundTid).doesNotContain(requestTid);

            priority.onReady();

            assertThat(niceOf(backgroundTid)).isEqualTo(7);
            assertThat(niceOf(requestTid)).isZero();
            assertThat(priority.due()).doesNotContain(backgroundTid);
        } finally {
            done.countDown();
            background.join();
            request.join();
        }
    }

    @Test
    void refusesANiceValueLinuxDoesNotHave() {
        assertThatThrownBy(() -> new ThreadPrioritySettings(20, null, null)).hasMessageContaining("0 (off) to 19");
        ThreadPrioritySettings defaults = new ThreadPrioritySettings(null, null, null);
        assertThat(defaults.backgroundNice()).isEqualTo(10);
        assertThat(defaults.background()).isEmpty();
        assertThat(defaults.backgroundProcessors())
                .contains("clickhouse-transactions", "clickhouse-search")
                .doesNotContain("couchdb-patterns", "couchdb-lists", "review-queue");
    }

    @Test
    void aProcessorThreadLowersItsOwnPriorityOnly() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "Linux only");
        var priority = new BackgroundThreadPriority(new ThreadPrioritySettings(5, null, null));
        int[] nice = new int[2];
        Thread processor = new Thread(() -> {
            priority.lowerCurrentThread();
            nice[0] = ownNice();
        });
        Thread request = new Thread(() -> nice[1] = ownNice());
        processor.start();
        processor.join();
        request.start();
        request.join();
        assertThat(nice[0]).isEqualTo(5);
        assertThat(nice[1]).isZero();
    }

    private static int ownNice() {
        try {
            return BackgroundThreadPriority.TaskStat.read(
                            Path.of("/proc/thread-self").toRealPath())
                    .nice();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Thread startParked(String name, CountDownLatch done) {
        Thread thread = new Thread(
                () -> {
                    try {
                        done.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                name);
        thread.start();
        return thread;
    }

    /** The OS thread id of the thread whose (15-character) name starts so; waits until the JVM has named it. */
    private static String tidOf(String prefix) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                var found = tasks.filter(t -> {
                            var stat = BackgroundThreadPriority.TaskStat.read(t);
                            return stat != null && stat.name().startsWith(prefix);
                        })
                        .findFirst();
                if (found.isPresent()) {
                    return found.get().getFileName().toString();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no thread named " + prefix);
    }

    private static int niceOf(String tid) {
        return BackgroundThreadPriority.TaskStat.read(Path.of("/proc/self/task", tid))
                .nice();
    }
}
