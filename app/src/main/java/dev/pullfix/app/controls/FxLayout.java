package dev.pullfix.app.controls;

import javafx.scene.Parent;
import javafx.scene.Scene;

/** Small layout helpers for views (FX thread only). */
public final class FxLayout {
    private FxLayout() {
    }

    /**
     * Runs {@code action} once, right after the next layout pass of the node's scene (when the node's new children
     * have their sizes), instead of queueing it with {@code Platform.runLater}. Runs it at once when the node is not
     * in a scene yet.
     */
    public static void afterNextLayout(Parent node, Runnable action) {
        Scene scene = node.getScene();
        if (scene == null) {
            action.run();
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        node.requestLayout();
    }
}
