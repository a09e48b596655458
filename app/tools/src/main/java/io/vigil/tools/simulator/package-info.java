/** {@code ./vigil simulate}: realistic payment traffic with fraud cases and incidents, and its manifest. */
package io.vigil.tools.simulator;
