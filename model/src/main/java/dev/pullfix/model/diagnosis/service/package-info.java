/**
 * The front door of the diagnosis: {@link dev.pullfix.model.diagnosis.service.DiagnosisService} owns the runbook
 * catalogue with the check families, the executors and the caches, builds the ports from a
 * {@code dev.pullfix.model.connect.Workspace} through the connect adapters, and answers with streamed steps and a
 * {@code Diagnosis} with typed fix proposals. The GUI and the CLI call this (and the fix planner) and nothing below.
 * May not: write (read-only), use fabric8 or AWS SDK types directly, use JavaFX, hold English text.
 */
package dev.pullfix.model.diagnosis.service;
