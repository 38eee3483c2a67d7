package dev.pullfix.app.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes a node's snapshot as PNG (call on the FX thread) when {@code -Dpullfix.shots=DIR} is set, so a
 * reviewer can look at what the tests drove. Nothing is written otherwise; PNGs are never committed.
 */
public final class Snapshots {
    private Snapshots() {}

    public static void save(Node node, String name) {
        String dir = System.getProperty("pullfix.shots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WritableImage img = node.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("could not write snapshot " + name + ": " + e.getMessage(), e);
        }
    }
}
