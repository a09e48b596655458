/**
 * The patterns' REST API ({@code /api/v1/patterns}): drafts, submission, approval, publication, modes, rollback,
 * archiving, history, diffs and the expression check, with problem answers.
 */
package io.vigil.patterns.rest;
