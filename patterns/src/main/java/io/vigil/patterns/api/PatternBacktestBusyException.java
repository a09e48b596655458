package io.vigil.patterns.api;

/** As many backtests as Vigil runs at once are running already: try again later. The REST API answers 503. */
public class PatternBacktestBusyException extends RuntimeException {

    public PatternBacktestBusyException(int running) {
        super(running + " backtests are running, the most Vigil runs at once; try again when one has finished");
    }
}
