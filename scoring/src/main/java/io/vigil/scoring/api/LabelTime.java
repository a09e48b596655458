package io.vigil.scoring.api;

/**
 * When a training replay counts a reported outcome as known: for the label-risk features, and for which labels the
 * rows of the range get.
 */
public enum LabelTime {
    /** When the event store recorded the report: right for labels reported live, as they came. */
    REPORTED,
    /**
     * The {@code timestamp} the reporter gave, but never after the event store recorded it: for history sent later
     * with its own report times (the simulator's back-fill, an import from another system), where the recording time
     * is the time of the import.
     */
    STATED
}
