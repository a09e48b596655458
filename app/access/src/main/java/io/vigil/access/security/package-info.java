/** Spring Security for Vigil: the API's key check, the console's sign-in and who may reach which page or action. */
package io.vigil.access.security;
