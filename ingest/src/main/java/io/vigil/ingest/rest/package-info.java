/**
 * The public REST API for transactions, outcomes and operational events: requests, responses, validation, admission
 * control and problem details.
 */
package io.vigil.ingest.rest;
