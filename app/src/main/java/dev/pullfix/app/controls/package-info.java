/**
 * Reusable JavaFX controls and layout helpers with no feature knowledge: the JSON code area (highlighting, changed and
 * deciding lines), layout helpers.
 *
 * <p>May use: JavaFX, RichTextFX, {@code app.common}. May not: feature packages, the model's engine, blocking work.
 */
package dev.pullfix.app.controls;
