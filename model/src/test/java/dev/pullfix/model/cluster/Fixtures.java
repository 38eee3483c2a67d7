package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Realistic cluster objects: owners, ReplicaSets, pods with kubelet waiting reasons, events. */
final class Fixtures {

    static final String ECR_IMAGE = "682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0";
    static final String NODE = "ip-10-42-33-232.us-west-2.compute.internal";

    private Fixtures() {
    }

    static ContainerStatus waiting(String name, String image, String reason, String message) {
        return new ContainerStatusBuilder().withName(name).withImage(image).withReady(false).withRestartCount(0)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                .build();
    }

    static ContainerStatus running(String name, String image, int restarts) {
        return new ContainerStatusBuilder().withName(name).withImage(image).withReady(true).withRestartCount(restarts)
                .withStarted(true).withNewState().withNewRunning().withStartedAt("2026-11-25T10:00:00Z").endRunning()
                .endState().build();
    }

    static PodBuilder pod(String ns, String name, String ownerKind, String ownerName, String hash) {
        PodBuilder b = new PodBuilder().withNewMetadata().withNamespace(ns).withName(name)
                .withUid("uid-" + ns + "-" + name).withCreationTimestamp(Instant.now().minus(5, ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.SECONDS).toString())
                .endMetadata();
        if (hash != null) {
            b.editMetadata().addToLabels("pod-template-hash", hash).endMetadata();
        }
        if (ownerKind != null) {
            b.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind(ownerKind).withName(ownerName)
                    .withUid("uid-" + ownerName).withController(true).endOwnerReference().endMetadata();
        }
        return b;
    }

    /** ui-private (Deployment via ReplicaSet) in ImagePullBackOff, as in the EKS workshop. */
    static Pod imagePullBackOff() {
        return pod("shop", "ui-private-7655bf59b9-jprrj", "ReplicaSet", "ui-private-7655bf59b9", "7655bf59b9")
                .withNewSpec().withNodeName(NODE).addNewContainer().withName("ui").withImage(ECR_IMAGE)
                .withImagePullPolicy("IfNotPresent").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").withContainerStatuses(waiting("ui", ECR_IMAGE, "ImagePullBackOff",
                        "Back-off pulling image \"" + ECR_IMAGE + "\"")).endStatus().build();
    }

    static void load(KubernetesClient c) {
        c.apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder().withNewMetadata()
                .withName("ui-private-7655bf59b9").withNamespace("shop").addNewOwnerReference().withKind("Deployment")
                .withName("ui-private").withApiVersion("apps/v1").withUid("uid-dep-ui").withController(true)
                .endOwnerReference().endMetadata().build()).create();
        c.pods().inNamespace("shop").resource(imagePullBackOff()).create();
        for (String suffix : List.of("7xk2p", "9qwer")) {
            c.pods().inNamespace("shop").resource(pod("shop", "cart-5d8f9c7b6d-" + suffix, "ReplicaSet",
                    "cart-5d8f9c7b6d", "5d8f9c7b6d").withNewSpec().withNodeName(NODE).addNewContainer().withName("cart")
                    .withImage("public.ecr.aws/aws-containers/retail-store-sample-cart:1.2.1").endContainer().endSpec()
                    .withNewStatus().withPhase("Running").withContainerStatuses(running("cart",
                            "public.ecr.aws/aws-containers/retail-store-sample-cart:1.2.1", 0)).endStatus().build())
                    .create();
        }
        c.pods().inNamespace("shop").resource(pod("shop", "db-0", "StatefulSet", "db", null).withNewSpec()
                .withNodeName(NODE).addNewContainer().withName("mysql").withImage("mysql:8.0").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withContainerStatuses(running("mysql", "mysql:8.0", 2))
                .endStatus().build()).create();
        c.pods().inNamespace("shop").resource(pod("shop", "debug", null, null, null).withNewSpec().withNodeName(NODE)
                .addNewContainer().withName("shell").withImage("busybox:1.36").endContainer()
                .addNewEphemeralContainer().withName("debugger-abcde").withImage("nicolaka/netshoot:latest")
                .withImagePullPolicy("Always").endEphemeralContainer().endSpec().withNewStatus().withPhase("Running")
                .withContainerStatuses(running("shell", "busybox:1.36", 0)).withEphemeralContainerStatuses(
                        waiting("debugger-abcde", "nicolaka/netshoot:latest", "ErrImagePull",
                                "rpc error: code = Unknown desc = failed to pull and unpack image"))
                .endStatus().build()).create();
        c.pods().inNamespace("shop").resource(pod("shop", "api-6f7d8c9b5-zz9xq", "ReplicaSet", "api-6f7d8c9b5",
                "6f7d8c9b5").withNewSpec().withNodeName(NODE).addNewContainer().withName("api")
                .withImage("nginx:1.27").endContainer().endSpec().withNewStatus().withPhase("Pending")
                .withContainerStatuses(waiting("api", "nginx:1.27", "ContainerCreating", null)).endStatus().build())
                .create();
        c.v1().events().inNamespace("shop").resource(new EventBuilder().withNewMetadata()
                .withName("api-6f7d8c9b5-zz9xq.17f1a2b3c4d5e6f7").withNamespace("shop").withUid("ev-sandbox").endMetadata()
                .withType("Warning").withReason("FailedCreatePodSandBox").withCount(12)
                .withMessage("Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "
                        + "\"602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/pause:3.5\": failed to pull image: "
                        + "403 Forbidden")
                .withNewInvolvedObject().withKind("Pod").withName("api-6f7d8c9b5-zz9xq").withNamespace("shop")
                .withUid("uid-shop-api-6f7d8c9b5-zz9xq").endInvolvedObject()
                .withNewSource().withComponent("kubelet").withHost(NODE).endSource()
                .withFirstTimestamp(ago(600)).withLastTimestamp(ago(30)).build()).create();
        c.pods().inNamespace("kube-system").resource(pod("kube-system", "node-agent-x7k2p", "DaemonSet", "node-agent",
                null).withNewSpec().withNodeName(NODE).addNewInitContainer().withName("init-config")
                .withImage("registry.example.com/agent-init:2.0").endInitContainer().addNewContainer().withName("agent")
                .withImage("registry.example.com/agent:2.0").endContainer().endSpec().withNewStatus().withPhase("Pending")
                .withInitContainerStatuses(waiting("init-config", "registry.example.com/agent-init:2.0", "ErrImagePull",
                        "failed to pull and unpack image \"registry.example.com/agent-init:2.0\": failed to resolve "
                                + "reference: not found"))
                .withContainerStatuses(waiting("agent", "registry.example.com/agent:2.0", "PodInitializing", null))
                .endStatus().build()).create();
        c.batch().v1().jobs().inNamespace("batch").resource(new JobBuilder().withNewMetadata().withName("report-29012345")
                .withNamespace("batch").addNewOwnerReference().withApiVersion("batch/v1").withKind("CronJob")
                .withName("report").withUid("uid-cron-report").withController(true).endOwnerReference().endMetadata()
                .build()).create();
        c.pods().inNamespace("batch").resource(pod("batch", "report-29012345-abcde", "Job", "report-29012345", null)
                .withNewSpec().addNewContainer().withName("report").withImage("reporting:1.0").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").withContainerStatuses(waiting("report", "reporting:1.0",
                        "CreateContainerConfigError", "secret \"report-db\" not found")).endStatus().build()).create();
        c.pods().inNamespace("batch").resource(pod("batch", "bad-name", null, null, null).withNewSpec()
                .addNewContainer().withName("x").withImage("Registry.Example.com/UPPER:tag").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").withContainerStatuses(waiting("x", "Registry.Example.com/UPPER:tag",
                        "InvalidImageName", "Failed to apply default image tag \"Registry.Example.com/UPPER:tag\": "
                                + "couldn't parse image name")).endStatus().build()).create();
    }

    /** The instant fixture times are relative to (tests compute ages against it, not the wall clock). */
    static volatile Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static String ago(long seconds) {
        return base.minusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The describe-pod events of the ui-private pod (EKS workshop seed), core/v1. */
    static void uiPrivateEvents(KubernetesClient c) {
        String pod = "ui-private-7655bf59b9-jprrj";
        // the mock assigns its own uids; the kubelet writes the pod's into involvedObject
        String uid = c.pods().inNamespace("shop").withName(pod).get().getMetadata().getUid();
        Object[][] rows = {
                {"Normal", "Scheduled", "default-scheduler",
                        "Successfully assigned shop/" + pod + " to " + NODE, 1, 315, 315},
                {"Normal", "Pulling", "kubelet", "Pulling image \"" + ECR_IMAGE + "\"", 4, 315, 233},
                {"Warning", "Failed", "kubelet", "Failed to pull image \"" + ECR_IMAGE + "\": failed to pull and unpack "
                        + "image \"" + ECR_IMAGE + "\": failed to resolve reference \"" + ECR_IMAGE + "\": unexpected "
                        + "status from HEAD request to https://682844965773.dkr.ecr.us-west-2.amazonaws.com/v2/"
                        + "retail-sample-app-ui/manifests/0.4.0: 403 Forbidden", 4, 314, 233},
                {"Warning", "Failed", "kubelet", "Error: ErrImagePull", 4, 314, 233},
                {"Warning", "Failed", "kubelet", "Error: ImagePullBackOff", 6, 314, 207},
                {"Normal", "BackOff", "kubelet", "Back-off pulling image \"" + ECR_IMAGE + "\"", 7, 314, 192},
        };
        int i = 0;
        for (Object[] r : rows) {
            Event e = new EventBuilder().withNewMetadata().withName(pod + ".18" + (i++)).withNamespace("shop")
                    .withUid("ev-ui-" + i).endMetadata().withType((String) r[0]).withReason((String) r[1])
                    .withNewSource().withComponent((String) r[2]).endSource().withMessage((String) r[3])
                    .withCount((Integer) r[4]).withFirstTimestamp(ago((Integer) r[5]))
                    .withLastTimestamp(ago((Integer) r[6])).withNewInvolvedObject().withKind("Pod").withName(pod)
                    .withNamespace("shop").withUid(uid).endInvolvedObject().build();
            c.v1().events().inNamespace("shop").resource(e).create();
        }
        // an event about another pod must not show up
        c.v1().events().inNamespace("shop").resource(new EventBuilder().withNewMetadata().withName("other.1")
                .withNamespace("shop").withUid("ev-other").endMetadata().withType("Normal").withReason("Pulled")
                .withMessage("Successfully pulled image \"mysql:8.0\"").withCount(1).withFirstTimestamp(ago(100))
                .withLastTimestamp(ago(100)).withNewInvolvedObject().withKind("Pod").withName("db-0")
                .withNamespace("shop").endInvolvedObject().build()).create();
    }
}
