/** {@code ./vigil detect}: a monitor's detector run offline over a CSV file of minutes. */
package io.vigil.tools.detect;
