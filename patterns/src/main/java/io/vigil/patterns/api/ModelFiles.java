package io.vigil.patterns.api;

/**
 * Where model versions are kept: each a document of the pattern store with the file as its attachment. Injected into
 * the model's command handler, which stores the file before recording the version (an event never carries the file).
 */
public interface ModelFiles {

    /** Writes (or rewrites) the version's document and attachment. */
    void store(ModelVersion version, byte[] file);
}
