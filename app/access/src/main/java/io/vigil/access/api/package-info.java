/** What other modules and the tools may know of access: the roles, the API scopes and the access messages. */
package io.vigil.access.api;
