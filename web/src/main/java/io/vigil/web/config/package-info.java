/** The console's Spring configuration: the beans its controllers share, such as the clock. */
package io.vigil.web.config;
