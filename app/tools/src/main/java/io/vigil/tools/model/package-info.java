/** {@code ./vigil model train|export-features}: risk-model training and its training set over Vigil's REST API. */
package io.vigil.tools.model;
