package dev.pullfix.app.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.kube.InMemoryKubeObjects;
import dev.pullfix.model.fix.kube.ObjectRef;
import dev.pullfix.model.fix.kube.PodTemplatePlan;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write path as the UI drives it, with a synchronous runner and a scripted dialog. */
class FixViewModelTest {
    @TempDir
    Path data;
    InMemoryKubeObjects kube;
    final ObjectRef deploy = new ObjectRef("lab", "apps/v1", "Deployment", "default", "web");
    final List<Preview> asked = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    boolean answer;

    @BeforeEach
    void setUp() throws Exception {
        kube = new InMemoryKubeObjects();
        kube.objects.put("Deployment/default/web", new ObjectMapper().readTree(
                "{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"template\":"
                        + "{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:foo\"}]}}}}"));
    }

    FixViewModel vm(boolean readOnly) {
        WritePath path = new WritePath(new BackupStore(data), new AuditLog(data), Clock.systemUTC(), "tester", readOnly);
        return new FixViewModel(path, TaskRunner.synchronous(), p -> {
            asked.add(p);
            return answer;
        }, log::add);
    }

    String image() {
        return kube.objects.get("Deployment/default/web").at("/spec/template/spec/containers/0/image").asText();
    }

    @Test
    void cancelInTheDialogWritesNothing() {
        FixViewModel vm = vm(false);
        vm.load(PodTemplatePlan.setImage(kube, deploy, "web", "nginx:1.27"));
        answer = false;
        vm.apply();
        assertThat(asked).hasSize(1);
        assertThat(vm.outcomeProperty().get().status()).isEqualTo(Outcome.Status.CANCELLED);
        assertThat(image()).isEqualTo("nginx:foo");
        assertThat(kube.calls).noneMatch(c -> c.startsWith("patch {"));
    }

    @Test
    void confirmWritesThenUndoPutsItBackAfterAnotherConfirmation() {
        FixViewModel vm = vm(false);
        vm.load(PodTemplatePlan.setImage(kube, deploy, "web", "nginx:1.27"));
        assertThat(vm.previewProperty().get().diff()).contains("nginx:1.27");
        answer = true;
        vm.apply();
        assertThat(vm.outcomeProperty().get().status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(image()).isEqualTo("nginx:1.27");
        assertThat(vm.lastBackupProperty().get()).isNotNull();
        vm.undo();
        assertThat(asked).hasSize(2);
        assertThat(image()).isEqualTo("nginx:foo");
        assertThat(log).hasSize(2).allMatch(l -> l.startsWith("APPLIED"));
    }

    @Test
    void readOnlyModeNeverAsksAndNeverWrites() {
        FixViewModel vm = vm(true);
        vm.load(PodTemplatePlan.setImage(kube, deploy, "web", "nginx:1.27"));
        answer = true;
        vm.apply();
        assertThat(asked).isEmpty();
        assertThat(image()).isEqualTo("nginx:foo");
        assertThat(vm.messageProperty().get()).contains("read-only");
    }

    @Test
    void aPreviewErrorIsAMessageNotACrash() {
        FixViewModel vm = vm(false);
        vm.load(PodTemplatePlan.setImage(kube, new ObjectRef("lab", "apps/v1", "Deployment", "default", "gone"), "web", "x:1"));
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("was not found");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
