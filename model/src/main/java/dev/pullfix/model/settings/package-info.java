/**
 * The user's settings (theme, language, layout, read-only mode) as a record, stored as JSON in the data folder.
 *
 * <p>May not: depend on other Pullfix packages or JavaFX; be read or written on the FX thread (callers use tasks).
 */
package dev.pullfix.model.settings;
