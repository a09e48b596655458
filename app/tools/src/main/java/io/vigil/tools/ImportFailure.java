package io.vigil.tools;

/** Something that stops an import as a whole: an unreadable file, a header without events, Vigil out of reach. */
final class ImportFailure extends Exception {

    ImportFailure(String message) {
        super(message);
    }

    ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
