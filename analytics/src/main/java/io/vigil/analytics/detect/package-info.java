/** The statistics that decide whether a series' minute is anomalous, with no I/O. */
package io.vigil.analytics.detect;
