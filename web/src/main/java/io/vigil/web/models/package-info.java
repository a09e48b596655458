/**
 * The console's risk model page: the versions with their metrics and the approver's lifecycle buttons, and the model
 * trainings: start, progress, cancel, the held-out figures and charts of a run, and its registration as a candidate.
 */
package io.vigil.web.models;
