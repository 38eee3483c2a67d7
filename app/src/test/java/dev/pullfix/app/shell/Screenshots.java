package dev.pullfix.app.shell;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the window to PNG for review (not a test: enabled by {@code -Dpullfix.screenshots=true}, see
 * {@code app/screenshots.sh}): each practice-lab scenario of {@code -Dpullfix.shots.scenarios} (S1,S2,S9) opened as a
 * new user would, every wizard step, in English and Japanese, light and dark, at 1280x800 and 1920x1080. Files go to
 * {@code app/target/screenshots/}, named {@code <scenario>-<lang>-<theme>-<size>-<state>.png}.
 */
@EnabledIfSystemProperty(named = "pullfix.screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class Screenshots {
    static final Path OUT = Path.of("target", "screenshots");
    /** language, dark, width, height: each scenario is shown in all four. */
    static final List<Object[]> LOOKS = List.of(new Object[] {"en", false, 1280, 800},
            new Object[] {"en", true, 1920, 1080}, new Object[] {"ja", true, 1280, 800},
            new Object[] {"ja", false, 1920, 1080});
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    static List<String> scenarios() {
        return List.of(System.getProperty("pullfix.shots.scenarios", "S1,S2,S9").split(","));
    }

    @Test
    void renderScenarios(FxRobot robot) throws Exception {
        Files.createDirectories(OUT);
        for (String scenario : scenarios()) {
            try (LabTour tour = new LabTour(robot, stage)) {
                tour.open(scenario, "en", false);
                String lang = "en";
                for (Object[] look : LOOKS) {
                    if (!look[0].equals(lang)) {
                        lang = (String) look[0];
                        tour.language(lang);
                    }
                    tour.dark((Boolean) look[1]);
                    tour.size((Integer) look[2], (Integer) look[3]);
                    String prefix = scenario + "-" + lang + "-" + ((Boolean) look[1] ? "dark" : "light") + "-"
                            + look[2] + "x" + look[3];
                    for (int i = 0; i < tour.steps(); i++) {
                        tour.step(i);
                        LabTour.settle(); // a pulse renders the laid-out frame before the capture
                        shot(robot, prefix + "-step" + (i + 1));
                    }
                }
            }
        }
    }

    void shot(FxRobot robot, String name) throws Exception {
        List<BufferedImage> parts = new ArrayList<>();
        robot.interact(() -> {
            Scene s = stage.getScene();
            Image img = robot.capture(new Rectangle2D(stage.getX() + s.getX(), stage.getY() + s.getY(), s.getWidth(),
                    s.getHeight())).getImage();
            parts.add(toBuffered(img));
        });
        ImageIO.write(parts.get(0), "png", OUT.resolve(name + ".png").toFile());
    }

    static BufferedImage toBuffered(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        return out;
    }
}
