package io.vigil.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs Vigil's background threads at a lower CPU priority than the threads that answer requests, on Linux.
 *
 * <p>On a small machine the decision latency's tail is set by who gets a core when several threads want one: the
 * request threads (each decision needs well under a millisecond of CPU) or the background work that comes in bursts
 * (the ClickHouse projection's batches, the event store's reader). None of that work is on a decision's path, and
 * all of it can wait a few milliseconds. The garbage collector's and the JIT compilers' threads are left alone:
 * requests wait for them when they fall behind. Measured
 * with {@code ./vigil bench scoring} at 1,000 decisions/s on two cores, the 99th percentile went from 14-18 ms to 8-10 ms
 * with these threads at nice 10 (docs/benchmarks.md).
 *
 * <p>Java has no portable way to set a thread's nice value, and raising it (lowering the priority) needs no
 * privilege on Linux, so this reads the threads from {@code /proc/self/task} and calls {@code renice} for those whose
 * name starts with one of {@link ThreadPrioritySettings#background()} and whose nice value is lower than the
 * setting. It runs when the application is ready and every 30 s after, for threads started since (an event processor
 * that was restarted, say). Elsewhere than on Linux, or without {@code renice}, it logs once and does nothing.
 */
@Component
@EnableConfigurationProperties(ThreadPrioritySettings.class)
class BackgroundThreadPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreadPriority.class);
    private static final Path TASKS = Path.of("/proc/self/task");

    private final ThreadPrioritySettings settings;
    private volatile boolean unavailable;

    BackgroundThreadPriority(ThreadPrioritySettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (settings.backgroundNice() > 0 && !Files.isDirectory(TASKS)) {
            unavailable = true;
            log.info("Background threads keep their priority: there is no {} on this system", TASKS);
        }
        apply();
    }

    @Scheduled(initialDelay = 30, fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
    void apply() {
        if (unavailable || settings.backgroundNice() == 0) {
            return;
        }
        List<String> threads = due();
        if (threads.isEmpty()) {
            return;
        }
        List<String> command =
                new ArrayList<>(List.of("renice", "-n", String.valueOf(settings.backgroundNice()), "-p"));
        command.addAll(threads);
        try {
            Process renice = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                renice.destroy();
                log.warn("renice of {} background threads did not succeed; trying again in 30 s", threads.size());
            } else {
                log.debug("{} background threads now at nice {}", threads.size(), settings.backgroundNice());
            }
        } catch (IOException e) {
            unavailable = true;
            log.info("Background threads keep their priority: renice could not run ({})", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ids of the background threads whose nice value is below the setting. */
    List<String> due() {
        List<String> due = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                TaskStat stat = TaskStat.read(task);
                if (stat != null && stat.nice() < settings.backgroundNice() && background(stat.name())) {
                    due.add(task.getFileName().toString());
                }
            }
        } catch (IOException e) {
            log.debug("Could not list {}: {}", TASKS, e.getMessage());
        }
        return due;
    }

    private boolean background(String name) {
        return settings.background().stream().anyMatch(name::startsWith);
    }

    /** A thread's name and nice value, from {@code /proc/self/task/<tid>/stat}. */
    record TaskStat(String name, int nice) {

        /** Null when the thread ended meanwhile or the file is not as expected. */
        static TaskStat read(Path task) {
            try {
                return parse(Files.readString(task.resolve("stat")));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /**
         * The name is between the first '(' and the last ')' (it may hold both); the fields after it start with the
         * state (field 3 of proc(5)), so the nice value (field 19) is the 17th of them.
         */
        static TaskStat parse(String stat) {
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).trim().split(" ");
            return new TaskStat(stat.substring(open + 1, close), Integer.parseInt(fields[16]));
        }
    }
}
