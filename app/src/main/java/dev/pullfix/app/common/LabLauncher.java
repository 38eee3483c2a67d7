package dev.pullfix.app.common;

/**
 * Opens the practice lab (an in-process API server with a scenario) and points the window at it. The lab issue
 * provides the real one; until then the window offers the menu item and the empty state's button over this.
 */
public interface LabLauncher {

    /** Starts the lab; returns the kubeconfig context to select, or throws with a readable message. */
    void open();

    /** Whether a lab is available in this build. */
    default boolean available() {
        return true;
    }

    /** A launcher that is not wired yet. */
    static LabLauncher unavailable() {
        return new LabLauncher() {
            @Override
            public void open() {
                throw new UnsupportedOperationException("lab.unavailable");
            }

            @Override
            public boolean available() {
                return false;
            }
        };
    }
}
