package io.vigil.analytics.rest;

/** No monitor with this id. */
class MonitorNotFoundException extends RuntimeException {

    MonitorNotFoundException(String id) {
        super("no monitor with id " + id);
    }
}
