/**
 * The review queue: the transactions decided {@code review} in PostgreSQL, ordered and filtered for analysts, their
 * claims, the check that a review is made by the claim's holder, the queue's size and age as metrics, and the signed
 * {@code transaction.reviewed} webhooks to the submitting API key, through an outbox with retries.
 */
package io.vigil.ingest.review;
