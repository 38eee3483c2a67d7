package dev.pullfix.app.shell;

import dev.pullfix.app.common.FakeBackend;
import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.cluster.ClusterError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The error states for the screenshots, each in both languages and the four looks: a kubeconfig that is not YAML and
 * a context naming a cluster entry the file lacks (both read by the real {@link ModelBackend} from files), and a 403
 * on listing pods (the API server's own "forbidden" message, through a fake backend: the lab grants everything).
 * Each shows the main window with its notification and, when it offers "Details", the details dialog.
 */
final class ErrorShots {
    private final FxRobot robot;
    private final Stage stage;
    private final ShotBook book;

    ErrorShots(FxRobot robot, Stage stage, ShotBook book) {
        this.robot = robot;
        this.stage = stage;
        this.book = book;
    }

    void renderAll() throws Exception {
        Path home = Files.createTempDirectory("pullfix-shots-home");
        Path malformed = home.resolve("malformed-config");
        Files.writeString(malformed, "apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n"
                + "    server: https://prod.example:6443\n  contexts: [ {name: prod\n");
        render("kubeconfig-malformed", () -> real(home, malformed));
        Path incomplete = home.resolve("incomplete-config");
        Files.writeString(incomplete, """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters: []
                contexts:
                - name: prod
                  context: {cluster: prod-eks, user: prod-admin}
                users:
                - name: prod-admin
                  user: {token: not-a-real-token}
                """);
        render("context-incomplete", () -> real(home, incomplete));
        render("forbidden-403", () -> {
            FakeBackend b = new FakeBackend();
            b.contexts.add(FakeBackend.context("prod-eks", true, null));
            b.listFailures.put("prod-eks", ClusterError.of(ClusterError.Code.FORBIDDEN, "list", "pods", "*",
                    "pods is forbidden: User \"arn:aws:sts::111122223333:assumed-role/dev/alice\" cannot list "
                            + "resource \"pods\" in API group \"\" at the cluster scope"));
            return b;
        });
    }

    private static WorkbenchBackend real(Path home, Path kubeconfig) {
        Map<String, String> env = Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", home.toString());
        return new ModelBackend(ClusterEnvironment.of(env, home), AwsEnvironment.of(env, home),
                ClusterConnector.Options.defaults());
    }

    private void render(String name, Supplier<WorkbenchBackend> backend) throws Exception {
        Path data = Files.createTempDirectory("pullfix-shots-error");
        Files.writeString(data.resolve("settings.json"), "{\"language\":\"en\",\"theme\":\"light\"}");
        System.setProperty("pullfix.lab.autostart", "false");
        PullfixApp[] app = new PullfixApp[1];
        try {
            robot.interact(() -> {
                app[0] = new PullfixApp(backend, data, null).withCheckTimeout(Duration.ofSeconds(10));
                app[0].start(stage);
            });
            for (String lang : Screenshots.LANGUAGES) {
                if (!lang.equals("en")) {
                    robot.interact(() -> app[0].switchLanguage(lang));
                }
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> failed(app[0]));
                LabTour.settle();
                for (Screenshots.Look look : Screenshots.LOOKS) {
                    robot.interact(() -> {
                        app[0].viewModel().settings().darkProperty().set(look.dark());
                        stage.setX(0);
                        stage.setY(0);
                        stage.setWidth(look.width());
                        stage.setHeight(look.height());
                    });
                    LabTour.settle();
                    String prefix = "error-" + name + "-" + look.name(lang);
                    book.shot(stage, prefix);
                    Hyperlink details = (Hyperlink) stage.getScene().lookup("#toasts .hyperlink");
                    if (details != null) {
                        robot.interact(details::fire);
                        LabTour.settle();
                        Window alert = other();
                        if (alert != null) {
                            book.shot(alert, prefix + "-details");
                            robot.interact(alert::hide);
                        }
                    }
                }
            }
        } finally {
            System.clearProperty("pullfix.lab.autostart");
            if (app[0] != null) {
                WaitForAsyncUtils.asyncFx(() -> app[0].stop()).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Whether the window says the cluster could not be read: a notification, or the tree's problem line. */
    private static boolean failed(PullfixApp app) {
        if (app.viewModel() == null || app.view() == null) {
            return false;
        }
        Node toasts = app.view().root().lookup("#toasts");
        boolean toast = toasts instanceof javafx.scene.Parent p && !p.getChildrenUnmodifiable().isEmpty();
        var state = app.viewModel().connection().stateProperty().get();
        return toast || state == ConnectionViewModel.State.ERROR || state == ConnectionViewModel.State.RECONNECTING;
    }

    private Window other() {
        List<Window> all = new ArrayList<>(Window.getWindows());
        return all.stream().filter(w -> w != stage && w.isShowing() && w instanceof Stage
                && !(w.getScene().getRoot() instanceof ListView)).findFirst().orElse(null);
    }
}
