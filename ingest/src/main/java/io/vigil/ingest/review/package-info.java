/**
 * The review queue: the transactions decided {@code review} in PostgreSQL, ordered and filtered for analysts, their
 * claims, the check that a review is made by the claim's holder, and the queue's size and age as metrics.
 */
package io.vigil.ingest.review;
