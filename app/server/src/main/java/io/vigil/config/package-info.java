/** The server's own configuration: the OpenAPI description of the REST API with its problem answers. */
package io.vigil.config;
