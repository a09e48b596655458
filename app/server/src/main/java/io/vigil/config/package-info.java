/**
 * The server's own configuration: the OpenAPI description of the REST API with its problem answers, and the check
 * that keeps foreign web pages from changing state through an operator's browser.
 */
package io.vigil.config;
