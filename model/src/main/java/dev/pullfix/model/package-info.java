/**
 * The Pullfix engine: plain Java, no JavaFX, synchronous and thread-agnostic.
 *
 * <p>May not: JavaFX, standard streams, any dependency on the app or the CLI; the root package holds no classes.
 */
package dev.pullfix.model;
