package dev.pullfix.app.shell;

import dev.pullfix.app.common.LabFixture;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.podtree.TreeRow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the main states of the window to PNG for review (not a test: enabled by {@code -Dpullfix.screenshots=true},
 * see {@code app/screenshots.sh}): the tree with failing pods, each wizard step of an ECR 403 pod, filters, the
 * connection error and the empty state, Japanese and dark. Files go to {@code app/target/screenshots/}.
 */
@EnabledIfSystemProperty(named = "pullfix.screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class Screenshots {
    static Path dir;
    static LabFixture lab;
    static final Path OUT = Path.of("target", "screenshots");
    Stage stage;
    PullfixApp app;

    @BeforeAll
    static void labs() throws Exception {
        dir = Files.createTempDirectory("pullfix-shots");
        lab = new LabFixture(dir, 1200);
        lab.addBrokenContext();
        lab.addBareFailingDeployment(0);
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    void open(FxRobot robot, String language, boolean dark) throws Exception {
        Path data = Files.createTempDirectory(dir, "data");
        Files.writeString(data.resolve("settings.json"), "{\"language\":\"" + language + "\",\"theme\":\""
                + (dark ? "dark" : "light") + "\",\"windowWidth\":1560,\"windowHeight\":960}");
        robot.interact(() -> {
            if (app != null) {
                app.stop();
            }
            app = new PullfixApp(lab::backend, data, LabLauncher.unavailable())
                    .withCheckTimeout(java.time.Duration.ofSeconds(3));
            app.start(stage);
            stage.setX(0);
            stage.setY(0);
        });
        await(() -> app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.LIVE
                && app.viewModel().podTree().podCountProperty().get() > 0);
    }

    static void await(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void shot(FxRobot robot, String name) throws Exception {
        Rectangle2D b = Screen.getPrimary().getBounds();
        Image img = robot.capture(new Rectangle2D(0, 0, Math.min(b.getWidth(), 1600), Math.min(b.getHeight(), 1000)))
                .getImage();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", OUT.resolve(name + ".png").toFile());
        System.out.println("screenshot " + OUT.resolve(name + ".png").toAbsolutePath());
    }

    void selectEcr403(FxRobot robot) throws Exception {
        String key = lab.ecr403Pod(0).orElseThrow();
        robot.interact(() -> {
            TreeRow.PodRow row = app.viewModel().podTree().pod(key);
            app.view().treeView().select(row);
        });
        await(() -> app.viewModel().wizard().walkingProperty().get() && !app.viewModel().wizard().runningProperty().get()
                && !app.viewModel().wizard().steps().isEmpty() && !app.viewModel().details().events().isEmpty());
    }

    void walkWizard(FxRobot robot, String prefix) throws Exception {
        shot(robot, prefix + "-step1");
        int n = app.viewModel().wizard().steps().size();
        for (int i = 1; i < n; i++) {
            int step = i;
            robot.interact(() -> app.viewModel().wizard().next());
            await(() -> app.viewModel().wizard().currentProperty().get() == step);
            shot(robot, prefix + "-step" + (i + 1));
        }
    }

    @Test
    void renderMainStates(FxRobot robot) throws Exception {
        open(robot, "en", false);
        robot.interact(() -> {
            var tree = app.view().treeView().tree();
            var first = tree.getRoot().getChildren().get(0);
            first.setExpanded(true);
            first.getChildren().forEach(w -> w.setExpanded(true));
        });
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "01-tree");
        selectEcr403(robot);
        walkWizard(robot, "02-ecr403");
        // the wrong-tag pod: its fix button, the tag picker, the write path's confirmation (cancelled)
        robot.interact(() -> app.view().treeView().select(app.viewModel().podTree().pod("shop/web-7c9d8f6b5-x2vqk")));
        await(() -> app.viewModel().wizard().walkingProperty().get() && !app.viewModel().wizard().runningProperty().get()
                && !app.viewModel().wizard().fixes().isEmpty());
        robot.interact(() -> app.viewModel().wizard().runAll());
        await(() -> true);
        shot(robot, "08-tag-fix-offered");
        javafx.application.Platform.runLater(() -> app.viewModel().wizard().startFix(app.viewModel().wizard().fixes()
                .stream().filter(f -> f.proposal().kind() == dev.pullfix.model.diagnosis.runbook.FixKind.IMAGE_TAG_CHANGE)
                .findFirst().orElseThrow()));
        await(() -> robot.lookup("#tagPicker").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#tagPicker").<javafx.scene.control.ComboBox<String>>query().getEditor().setText("1.27.3"));
        shot(robot, "09-tag-picker");
        robot.interact(() -> robot.lookup(".dialog-pane").queryAllAs(javafx.scene.control.DialogPane.class).stream()
                .filter(dp -> dp.lookup("#tagPicker") != null).findFirst().orElseThrow()
                .lookupButton(javafx.scene.control.ButtonType.OK).fireEvent(new javafx.event.ActionEvent()));
        await(() -> robot.lookup(".dialog-pane").queryAll().stream().anyMatch(n -> n.lookup("#tagPicker") == null));
        Thread.sleep(800);
        shot(robot, "10-fix-confirmation");
        robot.interact(() -> robot.lookup(".dialog-pane").queryAll().forEach(n -> {
            if (n.getScene().getWindow() instanceof javafx.stage.Stage st && st != stage) {
                st.close();
            }
        }));
        robot.interact(() -> app.view().treeView().tree().getScene().lookup("#tabYaml")); // keep the events tab
        robot.interact(() -> app.viewModel().podTree().failingOnlyProperty().set(true));
        robot.interact(() -> app.viewModel().podTree().searchTextProperty().set("dkr.ecr"));
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "03-failing-only-search");
        robot.interact(() -> app.viewModel().connection().selectedContextProperty().set("lab-broken"));
        await(() -> app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.ERROR
                || app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.RECONNECTING);
        Thread.sleep(1500);
        shot(robot, "04-connection-error");

        open(robot, "ja", true);
        selectEcr403(robot);
        walkWizard(robot, "05-ja-dark");

        Path empty = Files.createTempDirectory(dir, "home");
        robot.interact(() -> {
            app.stop();
            app = new PullfixApp(() -> new ModelBackend(
                    dev.pullfix.model.cluster.ClusterEnvironment.of(java.util.Map.of(), empty),
                    dev.pullfix.model.aws.AwsEnvironment.of(java.util.Map.of(), empty),
                    dev.pullfix.model.cluster.ClusterConnector.Options.defaults()), empty, LabLauncher.unavailable());
            app.start(stage);
        });
        await(() -> app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.NO_KUBECONFIG);
        shot(robot, "06-no-kubeconfig");

        // the ECR policy fix window opened on Pullfix's minimal proposal for seed 000 (English, then Japanese)
        for (String lang : new String[] {"en", "ja"}) {
            Path data = Files.createTempDirectory(dir, "policy");
            robot.interact(() -> {
                var w = dev.pullfix.app.fix.PolicyFixWindowDemo.seed000(java.util.Locale.forLanguageTag(lang), data);
                javafx.scene.Scene scene = new javafx.scene.Scene(w.root(), 1560, 960);
                scene.getStylesheets().add(PullfixApp.class.getResource("/dev/pullfix/app/app.css").toExternalForm());
                stage.setScene(scene);
                stage.setX(0);
                stage.setY(0);
            });
            await(() -> true);
            shot(robot, "07-policy-fix-" + lang);
        }
    }
}
