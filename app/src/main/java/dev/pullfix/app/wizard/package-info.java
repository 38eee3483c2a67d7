/**
 * The guided diagnosis of one pod: the planners that turn the engine's walk into numbered steps, the wizard's
 * view-model (steps, focus, run all, cancel, fix offers) and its view (stepper, evidence, verdicts).
 *
 * <p>May use: {@code app.common}, {@code app.controls}, {@code app.events}, the model. May not: {@code app.fix},
 * {@code app.policy}, {@code app.shell} (fix buttons reach the fix package through a handler the shell sets).
 */
package dev.pullfix.app.wizard;
