/** The API keys page: an admin creates keys (each shown once), sees when each was last used and revokes them. */
package io.vigil.web.keys;
