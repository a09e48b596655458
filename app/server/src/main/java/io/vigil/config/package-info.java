/**
 * The server's own configuration: what every module's writes guarantee (handler failures propagate, no silent
 * rollback), the check that keeps foreign web pages from changing state through an operator's browser, and the
 * OpenAPI description of the REST API with its problem answers.
 */
package io.vigil.config;
