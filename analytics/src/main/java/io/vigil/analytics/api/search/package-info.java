/**
 * The SQL of transaction search over ClickHouse's search tables, written once for the query handler that serves the
 * API and the console and for {@code ./vigil bench search}, which runs it against a database of its own. It builds
 * statements and reads their rows through {@link io.vigil.analytics.api.search.TransactionSearch.Statements}, so it
 * holds no store types.
 */
package io.vigil.analytics.api.search;
