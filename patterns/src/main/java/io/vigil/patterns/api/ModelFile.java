package io.vigil.patterns.api;

/** A model version's file, XGBoost's JSON model. */
public record ModelFile(String document, byte[] bytes) {}
