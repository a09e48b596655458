package io.vigil.tools;

import io.vigil.tools.http.VigilRefusedException;

/**
 * Something that stops an import as a whole: an unreadable file, a header without events, Vigil out of reach, Vigil
 * refusing the API key.
 */
final class ImportFailure extends Exception {

    ImportFailure(String message) {
        super(message);
    }

    ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether Vigil refused the API key or its scope (exit status 3, not 2). */
    boolean refused() {
        return getCause() instanceof VigilRefusedException;
    }
}
