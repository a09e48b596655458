/** {@code ./vigil api-key}: creates, lists and revokes Vigil's API keys through its API. */
package io.vigil.tools.keys;
