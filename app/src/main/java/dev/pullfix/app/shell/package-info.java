/**
 * The main window and the application: the window's view-models (connection, AWS identity, pod details, settings)
 * joined by {@code MainViewModel} and built by {@code WorkbenchAssembly}; the backend port to the engine; the
 * practice lab launcher; start-up.
 *
 * <p>May use: every other app package, the model. May not be used by them (the shell sits on top). No I/O on the FX
 * thread: settings, sessions and the lab are read, written and closed in tasks.
 */
package dev.pullfix.app.shell;
