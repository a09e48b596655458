/** The admins' users page: the console users, creating one, changing a role, disabling, resetting a password. */
package io.vigil.web.users;
