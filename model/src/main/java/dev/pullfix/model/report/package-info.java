/**
 * The diagnosis as the user keeps it: {@link dev.pullfix.model.report.DiagnosisReport} renders a diagnosis as
 * Markdown, HTML (commonmark, raw HTML escaped), JSON and terminal text in English or Japanese from the bundles, every
 * output masked by the secret registry.
 *
 * <p>May not: read from a cluster or an account (it renders what the diagnosis holds), JavaFX, standard streams.
 */
package dev.pullfix.model.report;
