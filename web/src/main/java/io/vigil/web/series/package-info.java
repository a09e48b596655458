/** The drill-down of one monitored series: its chart and the breakdown by each other dimension that explains it. */
package io.vigil.web.series;
