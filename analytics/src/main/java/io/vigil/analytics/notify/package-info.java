/**
 * Sends raised and resolved alerts to Slack and generic webhooks through a delivery outbox, with routing and retries.
 */
package io.vigil.analytics.notify;
