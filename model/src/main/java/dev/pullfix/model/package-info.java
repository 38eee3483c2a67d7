/** The Pullfix engine: plain Java, no JavaFX, synchronous and thread-agnostic. */
package dev.pullfix.model;
