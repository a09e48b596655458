/** Console users in PostgreSQL: their commands and events, the sign-in lookup, and the first admin. */
package io.vigil.access.users;
