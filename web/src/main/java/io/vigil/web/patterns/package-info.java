/**
 * The patterns pages: the list of patterns, the editor with inline compile errors, and each pattern's page with its
 * live version, draft, versions and their diffs, history, and the approval, publication, mode, rollback and archive
 * actions.
 */
package io.vigil.web.patterns;
