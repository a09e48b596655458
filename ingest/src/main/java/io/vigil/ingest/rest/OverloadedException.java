package io.vigil.ingest.rest;

/** Too many decisions in progress: the request was shed before anything was stored. */
class OverloadedException extends RuntimeException {

    OverloadedException() {
        super("Vigil is at its limit of concurrent decisions; nothing was stored, retry shortly");
    }
}
