/** The console's overview: live decisions, their mix and latency, open alerts, the review queue and top patterns. */
package io.vigil.web.overview;
