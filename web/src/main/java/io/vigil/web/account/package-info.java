/** The signed-in user's own pages: signing in and changing one's password. */
package io.vigil.web.account;
