package io.vigil.ingest.rest;

/** A request body over the limit for its endpoint. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("the request body is larger than " + limitBytes + " bytes");
    }
}
