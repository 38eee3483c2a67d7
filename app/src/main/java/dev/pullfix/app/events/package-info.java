/**
 * A pod's events as {@code kubectl describe pod} lists them (Type, Reason, Age, From, Message), shown in the bottom tab
 * and as wizard evidence.
 *
 * <p>May use: {@code app.common}, {@code model.cluster} records. May not: other feature packages, cluster calls.
 */
package dev.pullfix.app.events;
