/**
 * The activity log of the main window: what the app did, every failed task with its description, and the one place
 * failures become notifications ({@code ActivityViewModel}).
 *
 * <p>May use: {@code app.common}, the model's error types. May not: {@code javafx.scene}/{@code javafx.stage}, other
 * feature packages, blocking work.
 */
package dev.pullfix.app.activity;
