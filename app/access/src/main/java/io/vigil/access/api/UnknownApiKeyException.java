package io.vigil.access.api;

/** No key has this id: the API answers {@code 404}. */
public class UnknownApiKeyException extends RuntimeException {

    public UnknownApiKeyException(String keyId) {
        super("no API key has the id " + keyId);
    }
}
