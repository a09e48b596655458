/** How the console shows a request that failed: one advice rendering the error page or its fragment. */
package io.vigil.web.error;
