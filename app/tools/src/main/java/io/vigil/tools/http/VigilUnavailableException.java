package io.vigil.tools.http;

/** A request Vigil did not take after every try the {@link RetryPolicy} allows; the message says why, for people. */
public sealed class VigilUnavailableException extends Exception permits VigilRefusedException {

    private final int lastStatus;

    VigilUnavailableException(String message, int lastStatus) {
        super(message);
        this.lastStatus = lastStatus;
    }

    /** The last HTTP status Vigil answered with, or 0 when it never answered. */
    public int lastStatus() {
        return lastStatus;
    }
}
