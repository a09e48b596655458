/**
 * Vigil's command-line tools, apart from the server: the one entry point {@link io.vigil.tools.VigilTools} and its
 * option parsing, and {@code ./vigil import} (operational events from NDJSON or CSV files).
 */
package io.vigil.tools;
