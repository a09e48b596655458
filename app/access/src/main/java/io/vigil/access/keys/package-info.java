/** API keys: creation and revocation, their store in PostgreSQL, the in-memory set each node verifies against. */
package io.vigil.access.keys;
