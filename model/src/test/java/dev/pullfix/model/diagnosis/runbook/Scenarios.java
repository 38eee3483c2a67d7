package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.EcrImageLookup;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.diagnosis.runbook.port.NodeNetwork;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.aws.PolicyDocumentRef;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import dev.pullfix.model.diagnosis.runbook.port.VpcEndpointFacts;
import dev.pullfix.model.cluster.WorkloadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The seed documents' scenarios as in-memory clusters and accounts (names and messages as the documents quote them). */
public final class Scenarios {
    public static final Instant NOW = Instant.parse("2024-10-11T15:00:00Z");

    /** A scenario: the fakes and the pod to diagnose. */
    public record World(FakeCluster cluster, FakeAws aws, FakeRegistry registry, String namespace, String pod) {
    }

    // ------------------------------------------------------------------ seed 000 (EKS Workshop)
    public static final String ACCOUNT = "682844965773";
    public static final String ROLE_NAME = "eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD";
    public static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/" + ROLE_NAME;
    public static final String UI_IMAGE = ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0";
    public static final EcrRepositoryRef UI_REPO = new EcrRepositoryRef(ACCOUNT, "us-west-2", "retail-sample-app-ui", "aws");
    public static final String NODE = "ip-10-42-33-232.us-west-2.compute.internal";
    /** policyText exactly as get-repository-policy printed it in seed 000. */
    public static final String SEED_POLICY = "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ {\n    \"Sid\" : \"new policy\",\n    \"Effect\" : \"Deny\",\n    \"Principal\" : {\n      \"AWS\" : \"" + ROLE_ARN + "\"\n    },\n    \"Action\" : [ \"ecr:UploadLayerPart\", \"ecr:SetRepositoryPolicy\", \"ecr:PutImage\", \"ecr:ListImages\", \"ecr:InitiateLayerUpload\", \"ecr:GetRepositoryPolicy\", \"ecr:GetDownloadUrlForLayer\", \"ecr:DescribeRepositories\", \"ecr:DeleteRepositoryPolicy\", \"ecr:DeleteRepository\", \"ecr:CompleteLayerUpload\", \"ecr:BatchGetImage\", \"ecr:BatchDeleteImage\", \"ecr:BatchCheckLayerAvailability\" ]\n  } ]\n}";
    public static final String WORKER_NODE_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"WorkerNodePermissions\",\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeInstances\",\"ec2:DescribeRouteTables\",\"ec2:DescribeSecurityGroups\",\"ec2:DescribeSubnets\",\"ec2:DescribeVolumes\",\"ec2:DescribeVpcs\",\"eks:DescribeCluster\",\"eks-auth:AssumeRoleForPodIdentity\"],\"Resource\":\"*\"}]}";
    public static final String SSM_CORE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ssm:DescribeAssociation\",\"ssm:GetDocument\",\"ssm:UpdateInstanceInformation\",\"ssmmessages:CreateControlChannel\",\"ec2messages:GetMessages\"],\"Resource\":\"*\"}]}";

    public static EventFacts ev(String ns, String pod, String type, String reason, String message, int count, long firstAgoS,
                         long lastAgoS, String from) {
        return new EventFacts(ns, "Pod", pod, type, reason, message, count, NOW.minusSeconds(firstAgoS),
                NOW.minusSeconds(lastAgoS), from);
    }

    public static PodFacts pod(String ns, String name, WorkloadRef owner, String image, String reason, String message,
                        List<String> pullSecrets, String sa, String node) {
        return new PodFacts(ns, name, "Pending", node, sa, pullSecrets, owner,
                List.of(new ContainerFacts(owner.kind().equals("Pod") ? name : "app", image, false, false, reason,
                        message, 0)), NOW.minusSeconds(282));
    }

    /** S1: the repository policy denies the node role (seed 000, steps 1-7). */
    public static World ecrPolicyDeny(boolean eventsGone) {
        FakeCluster c = new FakeCluster();
        c.cluster = "eks-workshop";
        String pod = "ui-private-7655bf59b9-jprrj";
        c.pod(new PodFacts("default", pod, "Pending", NODE, "default", List.of(), new WorkloadRef("Deployment", "ui-private"),
                List.of(new ContainerFacts("ui", UI_IMAGE, false, false, "ImagePullBackOff",
                        "Back-off pulling image \"" + UI_IMAGE + "\"", 0)), NOW.minusSeconds(282)));
        c.nodes.put(NODE, new NodeFacts(NODE, Map.of("eks.amazonaws.com/nodegroup", "default",
                "topology.kubernetes.io/region", "us-west-2"), "aws:///us-west-2a/i-0abc1234567890def"));
        if (!eventsGone) {
            c.event(ev("default", pod, "Normal", "Scheduled", "Successfully assigned default/" + pod + " to " + NODE, 1, 315, 315, "default-scheduler"));
            c.event(ev("default", pod, "Normal", "Pulling", "Pulling image \"" + UI_IMAGE + "\"", 4, 315, 233, "kubelet"));
            c.event(ev("default", pod, "Warning", "Failed", "Failed to pull image \"" + UI_IMAGE + "\": failed to pull and unpack image \""
                    + UI_IMAGE + "\": failed to resolve reference \"" + UI_IMAGE + "\": unexpected status from HEAD request to https://"
                    + ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/v2/retail-sample-app-ui/manifests/0.4.0: 403 Forbidden", 4, 314, 233, "kubelet"));
            c.event(ev("default", pod, "Warning", "Failed", "Error: ErrImagePull", 4, 314, 233, "kubelet"));
            c.event(ev("default", pod, "Warning", "Failed", "Error: ImagePullBackOff", 6, 314, 207, "kubelet"));
            c.event(ev("default", pod, "Normal", "BackOff", "Back-off pulling image \"" + UI_IMAGE + "\"", 21, 314, 4, "kubelet"));
        }
        FakeAws a = new FakeAws();
        a.image(UI_REPO, new EcrImageLookup.Detail(ACCOUNT, "retail-sample-app-ui",
                "sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1", List.of("0.4.0"), 268443135L,
                Instant.parse("2024-10-11T14:03:01.207Z"), "application/vnd.docker.distribution.manifest.v2+json",
                "application/vnd.docker.container.image.v1+json"));
        a.repositoryPolicies.put(UI_REPO.arn(), SEED_POLICY);
        a.nodeRoles.put(NODE, RoleRef.ofArn(ROLE_ARN, "eks:DescribeNodegroup default"));
        a.rolePolicies.put(ROLE_NAME, seedRolePolicies(true));
        a.networks.put(NODE, new NodeNetwork("i-0abc1234567890def", "us-west-2", "vpc-0a1b2c3d", "subnet-0private1",
                List.of("sg-0node"), true, true));
        return new World(c, a, new FakeRegistry(), "default", pod);
    }

    /** The four policies of seed 000's node role (documents as IAM returns them; ReadOnly left for the engine to know). */
    public static RolePolicies seedRolePolicies(boolean withEcrReadOnly) {
        List<PolicyDocumentRef> attached = new java.util.ArrayList<>();
        attached.add(PolicyDocumentRef.attached("AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", SSM_CORE));
        if (withEcrReadOnly) {
            attached.add(PolicyDocumentRef.attached("AmazonEC2ContainerRegistryReadOnly", dev.pullfix.model.policy.ManagedPolicies.READ_ONLY_ARN, null));
        }
        attached.add(PolicyDocumentRef.attached("AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", WORKER_NODE_POLICY));
        attached.add(PolicyDocumentRef.attached("AmazonSSMPatchAssociation", "arn:aws:iam::aws:policy/AmazonSSMPatchAssociation",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:DescribeEffectivePatchesForPatchBaseline\",\"Resource\":\"arn:aws:ssm:*:*:patchbaseline/*\"}]}"));
        return RolePolicies.of(ROLE_NAME, attached, List.of());
    }

    // ------------------------------------------------------------------ seed 001 (Docker Hub tag / repository)

    /** nginx:foo: the tag does not exist (seed 001, "Invalid Image Tag"). */
    public static World dockerHubTagMissing() {
        FakeCluster c = new FakeCluster();
        c.pod(pod("dev", "nginx", new WorkloadRef("Pod", "nginx"), "nginx:foo", "ImagePullBackOff",
                "Back-off pulling image \"nginx:foo\"", List.of(), "default", "worker-node01"));
        c.event(ev("dev", "nginx", "Normal", "Scheduled", "Successfully assigned dev/nginx to worker-node01", 1, 19, 19, "default-scheduler"));
        c.event(ev("dev", "nginx", "Normal", "BackOff", "Back-off pulling image \"nginx:foo\"", 1, 16, 16, "kubelet"));
        c.event(ev("dev", "nginx", "Warning", "Failed", "Error: ImagePullBackOff", 1, 16, 16, "kubelet"));
        c.event(ev("dev", "nginx", "Normal", "Pulling", "Pulling image \"nginx:foo\"", 2, 18, 6, "kubelet"));
        c.event(ev("dev", "nginx", "Warning", "Failed", "Failed to pull image \"nginx:foo\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:foo\": failed to resolve reference \"docker.io/library/nginx:foo\": docker.io/library/nginx:foo: not found", 2, 17, 5, "kubelet"));
        c.event(ev("dev", "nginx", "Warning", "Failed", "Error: ErrImagePull", 2, 17, 5, "kubelet"));
        FakeRegistry r = new FakeRegistry().answer("nginx:foo", new ManifestProbe(ManifestProbe.Status.TAG_NOT_FOUND, 404, false,
                99, 100, "MANIFEST_UNKNOWN: manifest unknown"));
        return new World(c, null, r, "dev", "nginx");
    }

    /** nginxx: the repository does not exist (seed 001, "Invalid Image"). */
    public static World dockerHubRepositoryMissing() {
        FakeCluster c = new FakeCluster();
        c.pod(pod("dev", "nginx", new WorkloadRef("Pod", "nginx"), "nginxx", "ImagePullBackOff",
                "Back-off pulling image \"nginxx\"", List.of(), "default", "worker-node01"));
        c.event(ev("dev", "nginx", "Normal", "Scheduled", "Successfully assigned dev/nginx to worker-node01", 1, 42, 42, "default-scheduler"));
        c.event(ev("dev", "nginx", "Normal", "Pulling", "Pulling image \"nginxx\"", 2, 41, 25, "kubelet"));
        c.event(ev("dev", "nginx", "Warning", "Failed", "Failed to pull image \"nginxx\": rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/nginxx:latest\": failed to resolve reference \"docker.io/library/nginxx:latest\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed", 2, 40, 24, "kubelet"));
        c.event(ev("dev", "nginx", "Warning", "Failed", "Error: ErrImagePull", 2, 40, 24, "kubelet"));
        c.event(ev("dev", "nginx", "Normal", "BackOff", "Back-off pulling image \"nginxx\"", 3, 40, 10, "kubelet"));
        FakeRegistry r = new FakeRegistry().answer("nginxx", new ManifestProbe(ManifestProbe.Status.NOT_FOUND_OR_UNAUTHORIZED, 401,
                false, null, null, "UNAUTHORIZED: authentication required; insufficient_scope"));
        return new World(c, null, r, "dev", "nginx");
    }

    // ------------------------------------------------------------------ seeds 001/002 (private registry)

    public static final String PRIVATE_IMAGE = "your.private.registry.example.com/bob/bob-private:v1";

    /** A private registry and no imagePullSecrets (seed 001 "Private Registry", seed 002 "Troubleshoot private registries"). */
    public static World privateRegistryWithoutSecret() {
        FakeCluster c = new FakeCluster();
        String pod = "private-reg-6d9f7c8b4-x2kqp";
        c.pod(pod("default", pod, new WorkloadRef("Deployment", "private-reg"), PRIVATE_IMAGE, "ImagePullBackOff",
                "Back-off pulling image \"" + PRIVATE_IMAGE + "\"", List.of(), "default", "ip-192-168-149-143.us-east-2.compute.internal"));
        c.serviceAccounts.put("default/default", new ServiceAccountFacts("default", "default", List.of(), null));
        c.event(ev("default", pod, "Normal", "Pulling", "Pulling image \"" + PRIVATE_IMAGE + "\"", 3, 120, 40, "kubelet"));
        c.event(ev("default", pod, "Warning", "Failed", "Failed to pull image \"" + PRIVATE_IMAGE + "\": rpc error: code = Unknown desc = failed to pull and unpack image \"" + PRIVATE_IMAGE + "\": failed to resolve reference \"" + PRIVATE_IMAGE + "\": failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized", 3, 119, 39, "kubelet"));
        c.event(ev("default", pod, "Warning", "Failed", "Error: ErrImagePull", 3, 119, 39, "kubelet"));
        FakeRegistry r = new FakeRegistry().answer(PRIVATE_IMAGE, new ManifestProbe(ManifestProbe.Status.NOT_FOUND_OR_UNAUTHORIZED,
                401, false, null, null, "UNAUTHORIZED: authentication required"));
        return new World(c, null, r, "default", pod);
    }

    // ------------------------------------------------------------------ seed 002 (timeout, rate limit)

    /** Docker Hub unreachable: a private subnet without a NAT route (seed 002 "Failed to pull image issue"). */
    public static World registryTimeout() {
        FakeCluster c = new FakeCluster();
        String pod = "nginx-9cc69448d-vgm4m";
        String node = "ip-192-168-149-143.us-east-2.compute.internal";
        c.pod(pod("default", pod, new WorkloadRef("Deployment", "nginx"), "nginx:stable", "ImagePullBackOff",
                "Back-off pulling image \"nginx:stable\"", List.of(), "default", node));
        c.nodes.put(node, new NodeFacts(node, Map.of("topology.kubernetes.io/region", "us-east-2"), "aws:///us-east-2b/i-0f00ba7"));
        c.event(ev("default", pod, "Normal", "Scheduled", "Successfully assigned default/" + pod + " to " + node, 1, 960, 960, "default-scheduler"));
        c.event(ev("default", pod, "Normal", "Pulling", "Pulling image \"nginx:stable\"", 3, 960, 900, "kubelet"));
        c.event(ev("default", pod, "Warning", "Failed", "Failed to pull image \"nginx:stable\": rpc error: code = Unknown desc = Error response from daemon: Get \"https://registry-1.docker.io/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)", 3, 960, 900, "kubelet"));
        c.event(ev("default", pod, "Warning", "Failed", "Error: ErrImagePull", 3, 960, 900, "kubelet"));
        c.event(ev("default", pod, "Normal", "BackOff", "Back-off pulling image \"nginx:stable\"", 4, 960, 840, "kubelet"));
        FakeAws a = new FakeAws();
        a.networks.put(node, new NodeNetwork("i-0f00ba7", "us-east-2", "vpc-0123", "subnet-0private9", List.of("sg-0nodes"), false, true));
        FakeRegistry r = new FakeRegistry().answer("nginx:stable", new ManifestProbe(ManifestProbe.Status.FOUND, 200, false, 97, 100, null));
        return new World(c, a, r, "default", pod);
    }

    /** Docker Hub's pull rate limit (seed 002 "Registry rate limit exceeded"). */
    public static World rateLimited() {
        FakeCluster c = new FakeCluster();
        String pod = "nginx-6bf9f7cf5d-22q48";
        c.pod(pod("default", pod, new WorkloadRef("Deployment", "nginx"), "httpd:latest", "ErrImagePull",
                "toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit",
                List.of(), "default", "ip-192-168-153-54.us-east-2.compute.internal"));
        c.event(ev("default", pod, "Warning", "FailedCreatePodSandBox", "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to set up sandbox container \"82065dea585e8428eaf9df89936653b5ef12b53bef7f83baddb22edc59cd562a\" network for pod \"" + pod + "\": networkPlugin cni failed to set up pod \"" + pod + "_default\" network: add cmd: failed to assign an IP address to container", 1, 213, 213, "kubelet"));
        c.event(ev("default", pod, "Normal", "SandboxChanged", "Pod sandbox changed, it will be killed and re-created.", 4, 193, 119, "kubelet"));
        c.event(ev("default", pod, "Normal", "Pulling", "Pulling image \"httpd:latest\"", 3, 99, 56, "kubelet"));
        c.event(ev("default", pod, "Warning", "Failed", "Failed to pull image \"httpd:latest\": rpc error: code = Unknown desc = Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit", 3, 99, 56, "kubelet"));
        c.event(ev("default", pod, "Warning", "Failed", "Error: ErrImagePull", 3, 99, 56, "kubelet"));
        FakeRegistry r = new FakeRegistry().answer("httpd:latest", new ManifestProbe(ManifestProbe.Status.RATE_LIMITED, 429, false,
                0, 100, "TOOMANYREQUESTS: You have reached your pull rate limit"));
        return new World(c, null, r, "default", pod);
    }

    // ------------------------------------------------------------------ seed 004 (node role, IRSA, VPC endpoints)

    public static final String SHOP_ACCOUNT = "111122223333";
    public static final String SHOP_IMAGE = SHOP_ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com/shop/api:2.3.1";
    public static final EcrRepositoryRef SHOP_REPO = new EcrRepositoryRef(SHOP_ACCOUNT, "eu-west-1", "shop/api", "aws");
    public static final String SHOP_NODE = "ip-10-0-12-34.eu-west-1.compute.internal";
    public static final String SHOP_ROLE = "shop-nodes-NodeInstanceRole-1AB2CD3EF";

    /** An ECR image pulled by a node whose role has no ECR policy; optionally the pod's IRSA role has one (seed 004). */
    public static World nodeRoleWithoutEcr(boolean irsaHasEcr) {
        FakeCluster c = new FakeCluster();
        c.cluster = "shop";
        String pod = "api-5f7d9c6b8-k2m4n";
        c.pod(pod("shop", pod, new WorkloadRef("Deployment", "api"), SHOP_IMAGE, "ImagePullBackOff",
                "Back-off pulling image \"" + SHOP_IMAGE + "\"", List.of(), "api", SHOP_NODE));
        c.nodes.put(SHOP_NODE, new NodeFacts(SHOP_NODE, Map.of("eks.amazonaws.com/nodegroup", "shop-nodes",
                "topology.kubernetes.io/region", "eu-west-1"), "aws:///eu-west-1b/i-0123456789abcdef0"));
        String irsaArn = "arn:aws:iam::" + SHOP_ACCOUNT + ":role/shop-api-irsa";
        c.serviceAccounts.put("shop/api", new ServiceAccountFacts("shop", "api", List.of(), irsaHasEcr ? irsaArn : null));
        c.event(ev("shop", pod, "Normal", "Pulling", "Pulling image \"" + SHOP_IMAGE + "\"", 5, 600, 120, "kubelet"));
        c.event(ev("shop", pod, "Warning", "Failed", "Failed to pull image \"" + SHOP_IMAGE + "\": rpc error: code = Unknown desc = failed to pull and unpack image \"" + SHOP_IMAGE + "\": failed to resolve reference \"" + SHOP_IMAGE + "\": unexpected status from HEAD request to https://" + SHOP_ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com/v2/shop/api/manifests/2.3.1: 401 Unauthorized", 5, 600, 120, "kubelet"));
        c.event(ev("shop", pod, "Warning", "Failed", "Error: ErrImagePull", 5, 600, 120, "kubelet"));
        FakeAws a = new FakeAws();
        a.image(SHOP_REPO, new EcrImageLookup.Detail(SHOP_ACCOUNT, "shop/api", "sha256:" + "ab".repeat(32), List.of("2.3.1"),
                81234567L, NOW.minus(Duration.ofDays(2)), "application/vnd.oci.image.manifest.v1+json", null));
        a.nodeRoles.put(SHOP_NODE, RoleRef.ofArn("arn:aws:iam::" + SHOP_ACCOUNT + ":role/" + SHOP_ROLE, "eks:DescribeNodegroup shop-nodes"));
        a.rolePolicies.put(SHOP_ROLE, RolePolicies.of(SHOP_ROLE, List.of(
                PolicyDocumentRef.attached("AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", WORKER_NODE_POLICY),
                PolicyDocumentRef.attached("AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", SSM_CORE)), List.of()));
        a.rolePolicies.put("shop-api-irsa", RolePolicies.of("shop-api-irsa", List.of(
                PolicyDocumentRef.attached("AmazonEC2ContainerRegistryReadOnly", dev.pullfix.model.policy.ManagedPolicies.READ_ONLY_ARN, null),
                PolicyDocumentRef.attached("AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":\"*\"}]}")),
                List.of()));
        a.networks.put(SHOP_NODE, new NodeNetwork("i-0123456789abcdef0", "eu-west-1", "vpc-0shop", "subnet-0shop", List.of("sg-0shop"), true, true));
        return new World(c, a, new FakeRegistry(), "shop", pod);
    }

    public static final String EDGE_NODE = "ip-10-0-99-7.eu-west-1.compute.internal";
    public static final String EDGE_ROLE = "shop-edge-NodeInstanceRole-9ZY8XW7V";

    /**
     * The ecr.dkr endpoint's policy denies ecr:BatchGetImage (seed 004 FAQ). The node (its own node group and role)
     * sits in a private subnet without a route out, with the ECR endpoints.
     */
    public static World vpcEndpointPolicyDenies() {
        World w = nodeRoleWithoutEcr(false);
        FakeCluster c = w.cluster();
        PodFacts old = c.pods.values().iterator().next();
        c.pods.clear();
        String pod = "api-edge-7c9d8f6b5-p4q7r";
        c.pod(new PodFacts(old.namespace(), pod, old.phase(), EDGE_NODE, old.serviceAccount(), old.imagePullSecrets(),
                new WorkloadRef("Deployment", "api-edge"), old.containers(), old.created()));
        c.nodes.clear();
        c.nodes.put(EDGE_NODE, new NodeFacts(EDGE_NODE, Map.of("eks.amazonaws.com/nodegroup", "shop-edge",
                "topology.kubernetes.io/region", "eu-west-1"), "aws:///eu-west-1a/i-0edge0000000000001"));
        c.events.clear();
        c.event(ev("shop", pod, "Warning", "Failed", "Failed to pull image \"" + SHOP_IMAGE + "\": rpc error: code = Unknown desc = failed to pull and unpack image \"" + SHOP_IMAGE + "\": failed to resolve reference \"" + SHOP_IMAGE + "\": unexpected status from HEAD request to https://" + SHOP_ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com/v2/shop/api/manifests/2.3.1: 403 Forbidden", 5, 600, 120, "kubelet"));
        FakeAws a = w.aws();
        a.nodeRoles.clear();
        a.nodeRoles.put(EDGE_NODE, RoleRef.ofArn("arn:aws:iam::" + SHOP_ACCOUNT + ":role/" + EDGE_ROLE, "eks:DescribeNodegroup shop-edge"));
        a.rolePolicies.put(EDGE_ROLE, RolePolicies.of(EDGE_ROLE, List.of(
                PolicyDocumentRef.attached("AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", WORKER_NODE_POLICY),
                PolicyDocumentRef.attached("AmazonEC2ContainerRegistryPullOnly", dev.pullfix.model.policy.ManagedPolicies.PULL_ONLY_ARN, null)), List.of()));
        a.networks.clear();
        a.networks.put(EDGE_NODE, new NodeNetwork("i-0edge0000000000001", "eu-west-1", "vpc-0edge", "subnet-0edge", List.of("sg-0edge"), false, true));
        String restrictive = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAll\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"DenyImagePulls\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}";
        String full = "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}";
        a.endpoints.put("vpc-0edge", List.of(
                new VpcEndpointFacts("vpce-0api", "com.amazonaws.eu-west-1.ecr.api", "Interface", "available", true, full),
                new VpcEndpointFacts("vpce-0dkr", "com.amazonaws.eu-west-1.ecr.dkr", "Interface", "available", true, restrictive),
                new VpcEndpointFacts("vpce-0s3", "com.amazonaws.eu-west-1.s3", "Gateway", "available", false, full),
                new VpcEndpointFacts("vpce-0logs", "com.amazonaws.eu-west-1.logs", "Interface", "available", true, full)));
        return new World(c, a, w.registry(), "shop", pod);
    }

    /** The tag 0.4.1 was never pushed, and the events have expired (found from the ECR side). */
    public static World tagNeverPushed() {
        World w = ecrPolicyDeny(true);
        String image = ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.1";
        PodFacts p = w.cluster().pods.values().iterator().next();
        w.cluster().pod(new PodFacts(p.namespace(), p.name(), p.phase(), p.nodeName(), p.serviceAccount(), p.imagePullSecrets(),
                p.owner(), List.of(new ContainerFacts("ui", image, false, false, "ImagePullBackOff", "Back-off pulling image \"" + image + "\"", 0)),
                p.created()));
        w.aws().repositoryPolicies.clear();
        w.aws().image(UI_REPO, new EcrImageLookup.Detail(ACCOUNT, "retail-sample-app-ui", "sha256:" + "0c".repeat(32),
                List.of("0.3.9"), 268000000L, Instant.parse("2024-09-01T10:00:00Z"), null, null));
        return w;
    }
}
