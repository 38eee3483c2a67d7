package dev.pullfix.app.shell;

import dev.pullfix.app.testing.LayoutProbe;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * The screenshots' ledger: each capture is a PNG of a window's scene (main window, policy window, dialogs) and, at
 * the same moment, the layout test's checks on that scene ({@link LayoutProbe}: a node leaving its area, a cause, fix
 * or step title cut). Counts the PNGs and lists every violation for the run's summary. (English left in a Japanese
 * window is {@code JapaneseRenderTest}'s job, in {@code mvn verify}.)
 */
final class ShotBook {
    private final FxRobot robot;
    private final Path dir;
    private final long started = System.nanoTime();
    private final List<String> violations = new ArrayList<>();
    private int count;

    ShotBook(FxRobot robot, Path dir) throws Exception {
        this.robot = robot;
        this.dir = dir;
        Files.createDirectories(dir);
    }

    /** Captures the window as {@code name.png} and checks its layout. */
    void shot(Window window, String name) throws Exception {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> {
            Scene s = window.getScene();
            s.getRoot().applyCss();
            s.getRoot().layout();
            LayoutProbe.problems(s).forEach(p -> violations.add(name + ": " + p));
            img[0] = s.snapshot(null);
        });
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        int[] argb = new int[w * h];
        img[0].getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
        count++;
    }

    /** Records a problem found by other means (a stale cause under a fixed pod). */
    void violation(String name, String problem) {
        violations.add(name + ": " + problem);
    }

    List<String> violations() {
        return violations;
    }

    String summary() {
        long s = (System.nanoTime() - started) / 1_000_000_000L;
        StringBuilder b = new StringBuilder(String.format("screenshots: %d PNGs in %s, %d s, %d violation(s)%n", count,
                dir, s, violations.size()));
        violations.forEach(v -> b.append("  ").append(v).append('\n'));
        return b.toString();
    }
}
