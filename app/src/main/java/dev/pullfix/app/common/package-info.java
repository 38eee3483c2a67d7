/**
 * What every screen shares: the task runner and the FX bridge (the only two places that hand work to the FX thread),
 * the dialog service, the i18n helper, the error text, the practice-lab port.
 *
 * <p>May use: the model, JavaFX. May not: any feature package of the app ({@code shell}, {@code wizard}, {@code fix}, …),
 * and nothing but {@code FxBridge} and {@code FxTaskRunner} calls {@code Platform.runLater}.
 */
package dev.pullfix.app.common;
