package dev.pullfix.app.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.app.common.LabFixture;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.shell.MainViewModel;
import dev.pullfix.app.shell.PullfixApp;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.lab.server.ResourceTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window (headless) against the lab API server with one bare failing Deployment ({@code nginx:foo}, a tag
 * that does not exist): the wizard offers the tag change, the tag picker takes a typed tag, and the Deployment's
 * template changes only after the confirmation.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFixWindowTest {
    static final String NS = "shop";
    static Path dir;
    static LabFixture lab;
    PullfixApp app;
    final List<Preview> confirmations = new CopyOnWriteArrayList<>();
    final List<List<String>> pickerTags = new CopyOnWriteArrayList<>();
    volatile boolean answer;
    Path data;

    @BeforeAll
    static void labWithABareFailingDeployment() throws Exception {
        dir = Files.createTempDirectory("pullfix-fix-window");
        lab = new LabFixture(dir, 5);
        var store = lab.servers[0].store();
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        Instant now = Instant.now();
        store.put((ObjectNode) m.readTree("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}"""));
        var d = store.put((ObjectNode) m.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","generation":1,
                 "labels":{"app":"web"}},
                 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web"}},
                   "spec":{"containers":[{"name":"web","image":"nginx:foo"}]}}}}"""));
        String dUid = d.toJson().path("metadata").path("uid").asText();
        var rs = store.put((ObjectNode) m.readTree("""
                {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-7c9d8f6b5","namespace":"shop",
                 "labels":{"app":"web","pod-template-hash":"7c9d8f6b5"},
                 "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"%s","controller":true}]},
                 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web","pod-template-hash":"7c9d8f6b5"}},
                  "template":{"metadata":{"labels":{"app":"web","pod-template-hash":"7c9d8f6b5"}},
                   "spec":{"containers":[{"name":"web","image":"nginx:foo"}]}}}}""".formatted(dUid)));
        String rsUid = rs.toJson().path("metadata").path("uid").asText();
        var pod = store.put((ObjectNode) m.readTree("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-7c9d8f6b5-x2vqk","namespace":"shop",
                 "creationTimestamp":"%s","labels":{"app":"web","pod-template-hash":"7c9d8f6b5"},
                 "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7c9d8f6b5","uid":"%s","controller":true}]},
                 "spec":{"nodeName":"ip-10-0-1-23.us-west-2.compute.internal","containers":[{"name":"web","image":"nginx:foo"}]},
                 "status":{"phase":"Pending","containerStatuses":[{"name":"web","image":"nginx:foo","imageID":"",
                  "ready":false,"restartCount":0,"started":false,
                  "state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image \\"nginx:foo\\""}}}]}}"""
                .formatted(now.minusSeconds(300), rsUid)));
        String podUid = pod.toJson().path("metadata").path("uid").asText();
        String[][] events = {
                {"Scheduled", "Normal", "Successfully assigned shop/web-7c9d8f6b5-x2vqk to ip-10-0-1-23.us-west-2.compute.internal", "default-scheduler"},
                {"Pulling", "Normal", "Pulling image \\\"nginx:foo\\\"", "kubelet"},
                {"Failed", "Warning", "Failed to pull image \\\"nginx:foo\\\": rpc error: code = NotFound desc = failed to pull and unpack image \\\"docker.io/library/nginx:foo\\\": failed to resolve reference \\\"docker.io/library/nginx:foo\\\": docker.io/library/nginx:foo: not found", "kubelet"},
                {"Failed", "Warning", "Error: ErrImagePull", "kubelet"},
                {"BackOff", "Normal", "Back-off pulling image \\\"nginx:foo\\\"", "kubelet"},
                {"Failed", "Warning", "Error: ImagePullBackOff", "kubelet"}};
        for (int i = 0; i < events.length; i++) {
            String t = now.minusSeconds(290 - i * 10L).toString();
            store.put((ObjectNode) m.readTree("""
                    {"apiVersion":"v1","kind":"Event","metadata":{"name":"web-7c9d8f6b5-x2vqk.%d","namespace":"shop"},
                     "involvedObject":{"kind":"Pod","namespace":"shop","name":"web-7c9d8f6b5-x2vqk","uid":"%s","apiVersion":"v1"},
                     "reason":"%s","type":"%s","message":"%s","source":{"component":"%s"},"count":1,
                     "firstTimestamp":"%s","lastTimestamp":"%s"}""".formatted(i, podUid, events[i][0], events[i][1],
                    events[i][2], events[i][3], t, t)));
        }
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory(dir, "data");
        app = new PullfixApp(lab::backend, data, LabLauncher.unavailable())
                .withCheckTimeout(Duration.ofSeconds(3))
                .withFixDialogs(i18n -> p -> {
                    confirmations.add(p);
                    return answer;
                })
                .withFixPrompts(i18n -> new FixPrompts() {
                    @Override
                    public Optional<String> pickTag(String container, String image, List<String> tags) {
                        pickerTags.add(tags);
                        return Optional.of("1.27.3");
                    }

                    @Override
                    public Optional<PullSecret> pullSecret(String suggestedName, String server) {
                        return Optional.empty();
                    }
                });
        app.start(stage);
    }

    void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; activity " + app.viewModel().activity(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    String templateImage() {
        return lab.servers[0].store().get(ResourceTypes.DEPLOYMENTS, NS, "web").orElseThrow().toJson()
                .path("spec").path("template").path("spec").path("containers").path(0).path("image").asText();
    }

    void openTheFailingPodsDiagnosis(FxRobot robot) throws Exception {
        waitUntil(() -> app.viewModel().connectionProperty().get() == MainViewModel.Connection.LIVE
                && app.viewModel().podTree().podCountProperty().get() > 0);
        String name = "web-7c9d8f6b5-x2vqk";
        robot.clickOn("#treeSearch").write(name);
        waitUntil(() -> robot.lookup(".pod-tree-cell").queryAll().stream()
                .anyMatch(n -> ((TreeCell<?>) n).getText() != null && ((TreeCell<?>) n).getText().startsWith(name)));
        TreeCell<?> cell = robot.lookup(".pod-tree-cell").queryAll().stream().map(n -> (TreeCell<?>) n)
                .filter(c -> c.getText() != null && c.getText().startsWith(name)).findFirst().orElseThrow();
        robot.clickOn(cell);
        var wizard = app.viewModel().wizard();
        waitUntil(() -> wizard.walkingProperty().get() && !wizard.runningProperty().get());
        assertThat(wizard.fixes()).extracting(f -> f.plan().kind()).contains(FixKind.IMAGE_TAG_CHANGE);
        waitUntil(() -> robot.lookup("#fix-IMAGE_TAG_CHANGE").tryQuery().isPresent());
    }

    @Test
    void confirmingTheTagChangeSetsTheDeploymentsTemplateImage(FxRobot robot) throws Exception {
        answer = true;
        openTheFailingPodsDiagnosis(robot);
        robot.clickOn("#fix-IMAGE_TAG_CHANGE");
        waitUntil(() -> templateImage().equals("nginx:1.27.3"));
        assertThat(confirmations).hasSize(1);
        assertThat(confirmations.get(0).diff()).contains("nginx:foo").contains("nginx:1.27.3");
        assertThat(pickerTags).hasSize(1);
        waitUntil(() -> app.viewModel().wizard().afterFixProperty().get() != null);
        assertThat(robot.lookup("#wizardDiagnoseAgain").queryAs(Button.class).isVisible()).isTrue();
        var audit = new dev.pullfix.model.fix.AuditLog(data).read();
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(audit.size() - 1).actor()).contains("lab-a");
    }

    @Test
    void cancellingTheConfirmationWritesNothing(FxRobot robot) throws Exception {
        answer = false;
        String before = templateImage();
        openTheFailingPodsDiagnosis(robot);
        robot.clickOn("#fix-IMAGE_TAG_CHANGE");
        waitUntil(() -> confirmations.size() == 1);
        waitUntil(() -> app.viewModel().activity().stream().anyMatch(l -> l.contains("CANCELLED")));
        assertThat(templateImage()).isEqualTo(before);
        assertThat(app.viewModel().wizard().afterFixProperty().get()).isNull();
    }
}
