package io.vigil.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 * (the ClickHouse projections' batches, the review queue's). None of that work is on a decision's path, and all of it
 * can wait a few milliseconds. Measured with {@code ./vigil bench scoring} at 1,000 decisions/s on two cores, the
 * 99th percentile went from 14-18 ms to 8-10 ms with the event processors at nice 10 (docs/benchmarks.md).
 *
 * <p>Two ways to pick the threads:
 *
 * <ul>
 *   <li><b>By processing group</b> ({@link ThreadPrioritySettings#backgroundProcessors()}): the first event a
 *       processor's thread handles lowers that thread's own priority. This tells the projections apart from the
 *       processors that publish patterns, lists and models to the pattern store, which have a 1 s target and keep
 *       their priority; Linux keeps only 15 characters of a thread's name, {@code EventProcessor[} for all of them.
 *   <li><b>By thread name prefix</b> ({@link ThreadPrioritySettings#background()}, none by default): every 30 s, the
 *       threads whose name starts so and whose nice value is lower than the setting.
 * </ul>
 *
 * <p>The garbage collector's and the JIT compilers' threads are never meant to be here: niced, they fell behind when
 * the request threads kept both cores busy (at 2,000 decisions/s a young collection took 6.6 s), and allocations then
 * wait for them. Java has no portable way to set a thread's nice value, and raising it (lowering the priority) needs
 * no privilege on Linux, so this finds a thread's id in {@code /proc} and calls {@code renice}. Elsewhere than on
 * Linux, or without {@code renice}, it logs once and does nothing.
 */
@Component
@EnableConfigurationProperties(ThreadPrioritySettings.class)
class BackgroundThreadPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreadPriority.class);
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path THIS_THREAD = Path.of("/proc/thread-self");

    private final ThreadPrioritySettings settings;
    private final ThreadLocal<Boolean> lowered = ThreadLocal.withInitial(() -> false);
    private volatile boolean unavailable;

    BackgroundThreadPriority(ThreadPrioritySettings settings) {
        this.settings = settings;
    }

    /** Each background processing group lowers the priority of its thread at the first event the thread handles. */
    @Autowired
    void lowerBackgroundProcessors(EventProcessingConfigurer processing) {
        if (settings.backgroundNice() == 0) {
            return;
        }
        for (String group : settings.backgroundProcessors()) {
            processing.registerHandlerInterceptor(group, configuration -> this::handleLowered);
        }
    }

    private Object handleLowered(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (!lowered.get()) {
            lowered.set(true);
            lowerCurrentThread();
        }
        return chain.proceed();
    }

    /** Lowers the calling thread's priority to the setting; a no-op elsewhere than on Linux. */
    void lowerCurrentThread() {
        if (unavailable || settings.backgroundNice() == 0) {
            return;
        }
        try {
            renice(List.of(THIS_THREAD.toRealPath().getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            unavailable = true;
            log.info("Background threads keep their priority: no thread id in {} ({})", THIS_THREAD, e.toString());
        }
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
        if (unavailable
                || settings.backgroundNice() == 0
                || settings.background().isEmpty()) {
            return;
        }
        List<String> threads = due();
        if (!threads.isEmpty()) {
            renice(threads);
        }
    }

    private void renice(List<String> threads) {
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
                log.warn("renice of {} background threads did not succeed", threads.size());
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
