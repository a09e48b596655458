/**
 * The patterns' REST API ({@code /api/v1/patterns}: drafts, submission, approval, publication, modes, rollback,
 * archiving, history, diffs and the expression check) and the allow and block lists' ({@code /api/v1/lists}: entries
 * added as JSON or imported from CSV files, removed, given another expiry, paged through, and the history of
 * changes), with problem answers.
 */
package io.vigil.patterns.rest;
