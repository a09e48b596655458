package io.vigil.tools;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;

/**
 * What a tool reads from and writes to, and its clock: the process's own in {@link VigilTools#main}, streams in
 * memory and a fixed clock in tests, so that a test runs a tool exactly as a person does, without a process.
 *
 * @param in standard input (a file named {@code -})
 * @param out standard output: results, help
 * @param err standard error: progress, warnings, usage errors
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, Clock clock) {

    /** The process's streams and the system clock. */
    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err, Clock.systemUTC());
    }
}
