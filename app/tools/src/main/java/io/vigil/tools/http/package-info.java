/** The one HTTP client the tools use to talk to a running Vigil, with its retry and back-off policy. */
package io.vigil.tools.http;
