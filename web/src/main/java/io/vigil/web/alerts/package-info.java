/** The alerts page: the alert history with its filters, the operators' actions on an alert and the notifications. */
package io.vigil.web.alerts;
