/**
 * Secrets and their masking: {@link dev.pullfix.model.secret.Secrets}, the one registry where every secret value
 * Pullfix reads (kubeconfig tokens, passwords and client keys, exec-plugin tokens, AWS keys and session tokens,
 * pull-secret passwords, registry tokens) is registered when it is read, and {@link dev.pullfix.model.secret.Redactor},
 * which every output path (terminal, reports, JSON, audit log, backups, GUI text, notifications) uses to mask
 * registered values and secret-shaped text. Structured output is masked field by field
 * ({@link dev.pullfix.model.secret.Redactor#redact(com.fasterxml.jackson.databind.JsonNode)}), never by a regex over
 * serialized text. Pure: no fabric8, no AWS SDK, no JavaFX.
 *
 * <p>May not: depend on other Pullfix packages; hold a secret in a field that a toString, log or exception shows.
 */
package dev.pullfix.model.secret;
