/**
 * Limits that keep Pullfix bounded: the whole-command {@link dev.pullfix.model.limits.Deadline} and the input
 * limits checked before any parser sees a file. Plain Java, no I/O beyond reading the file asked for.
 *
 * <p>May not: depend on other Pullfix packages, fabric8, the AWS SDK or JavaFX.
 */
package dev.pullfix.model.limits;
