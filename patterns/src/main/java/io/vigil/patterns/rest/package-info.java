/**
 * The allow and block lists' REST API ({@code /api/v1/lists}): entries added as JSON or imported from CSV files,
 * removed, given another expiry, paged through, and the history of changes.
 */
package io.vigil.patterns.rest;
