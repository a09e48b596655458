/** The console's risk model page: the versions with their metrics, and the approver's lifecycle buttons. */
package io.vigil.web.models;
