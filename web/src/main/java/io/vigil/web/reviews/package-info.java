/**
 * The review pages for analysts: the queue of transactions decided {@code review} with its filters and claims, and each
 * transaction's review page with its explanation, where an analyst claims it and approves or declines it with a reason.
 */
package io.vigil.web.reviews;
