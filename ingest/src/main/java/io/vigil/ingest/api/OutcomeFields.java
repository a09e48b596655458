package io.vigil.ingest.api;

/**
 * The body of {@code POST /api/v1/transactions/{id}/outcome} as the client sent it, before any rule is checked;
 * {@code null} for an absent field. {@link ApiRules#outcome} checks it.
 */
public interface OutcomeFields {

    String outcome();

    String timestamp();

    String note();
}
