package dev.pullfix.model.lab.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lab's mutable account and registry state (what AWS and the registries outside AWS "know"), loaded from a
 * {@link Scenario} and changed by the lab's AWS endpoint (SetRepositoryPolicy, AttachRolePolicy, ...). The trees
 * keep the scenario file's shape; every read and write holds this object's lock. {@link #version()} grows on
 * every write so the kubelet can tell the world changed.
 */
public final class LabWorld {
    private ObjectNode aws;
    private ObjectNode registries;
    private final AtomicLong version = new AtomicLong();

    public LabWorld(Scenario scenario) {
        reset(scenario);
    }

    /** Back to the scenario's state. */
    public synchronized void reset(Scenario scenario) {
        this.aws = scenario.aws();
        this.registries = scenario.registries();
        version.incrementAndGet();
    }

    public long version() {
        return version.get();
    }

    void changed() {
        version.incrementAndGet();
    }

    public synchronized String account() {
        return aws.path("account").asText("123456789012");
    }

    public synchronized String region() {
        return aws.path("region").asText("us-west-2");
    }

    /** The cluster's VPC (where the scenario's endpoints live). */
    public synchronized String clusterVpcId() {
        return aws.path("cluster").path("vpcId").asText("vpc-0a1b2c3d4e5f60718");
    }

    public synchronized String clusterName() {
        return aws.path("cluster").path("name").asText("eks-workshop");
    }

    /** A read-only snapshot of the account tree (a copy). */
    public synchronized ObjectNode awsSnapshot() {
        return aws.deepCopy();
    }

    public synchronized ObjectNode registriesSnapshot() {
        return registries.deepCopy();
    }

    // ------------------------------------------------------------------ ECR

    public synchronized Optional<ObjectNode> repository(String name) {
        for (JsonNode r : aws.path("repositories")) {
            if (r.path("name").asText().equals(name)) {
                return Optional.of(((ObjectNode) r).deepCopy());
            }
        }
        return Optional.empty();
    }

    public synchronized List<ObjectNode> repositories() {
        List<ObjectNode> out = new ArrayList<>();
        aws.path("repositories").forEach(r -> out.add(((ObjectNode) r).deepCopy()));
        return out;
    }

    /** Sets (text) or removes (null) a repository policy; false when the repository does not exist. */
    public synchronized boolean setRepositoryPolicy(String repository, String policyText) {
        for (JsonNode r : aws.path("repositories")) {
            if (r.path("name").asText().equals(repository)) {
                if (policyText == null) {
                    ((ObjectNode) r).remove("policy");
                } else {
                    ((ObjectNode) r).put("policy", policyText);
                }
                changed();
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ IAM

    public synchronized Optional<ObjectNode> role(String name) {
        for (JsonNode r : aws.path("roles")) {
            if (r.path("name").asText().equals(name)) {
                return Optional.of(((ObjectNode) r).deepCopy());
            }
        }
        return Optional.empty();
    }

    public synchronized List<ObjectNode> roles() {
        List<ObjectNode> out = new ArrayList<>();
        aws.path("roles").forEach(r -> out.add(((ObjectNode) r).deepCopy()));
        return out;
    }

    /** Customer managed policy document by ARN (from {@code aws.policies}), or empty. */
    public synchronized Optional<String> customerPolicy(String arn) {
        for (JsonNode p : aws.path("policies")) {
            if (policyArn(p.path("name").asText()).equals(arn)) {
                return Optional.of(p.path("document").asText());
            }
        }
        return Optional.empty();
    }

    public String policyArn(String name) {
        return "arn:aws:iam::" + account() + ":policy/" + name;
    }

    public synchronized boolean attachRolePolicy(String roleName, String policyArn) {
        for (JsonNode r : aws.path("roles")) {
            if (r.path("name").asText().equals(roleName)) {
                ArrayNode att = ((ObjectNode) r).withArray("attached");
                for (JsonNode a : att) {
                    if (a.asText().equals(policyArn)) {
                        return true;
                    }
                }
                att.add(policyArn);
                changed();
                return true;
            }
        }
        return false;
    }

    public synchronized boolean detachRolePolicy(String roleName, String policyArn) {
        for (JsonNode r : aws.path("roles")) {
            if (r.path("name").asText().equals(roleName)) {
                Iterator<JsonNode> it = r.path("attached").elements();
                while (it.hasNext()) {
                    if (it.next().asText().equals(policyArn)) {
                        it.remove();
                        changed();
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ EKS / EC2

    public synchronized List<ObjectNode> nodegroups() {
        List<ObjectNode> out = new ArrayList<>();
        aws.path("nodegroups").forEach(r -> out.add(((ObjectNode) r).deepCopy()));
        return out;
    }

    public synchronized List<ObjectNode> vpcEndpoints() {
        List<ObjectNode> out = new ArrayList<>();
        aws.path("vpcEndpoints").forEach(r -> out.add(((ObjectNode) r).deepCopy()));
        return out;
    }

    public synchronized boolean setVpcEndpointPolicy(String id, String policy) {
        for (JsonNode e : aws.path("vpcEndpoints")) {
            if (e.path("id").asText().equals(id)) {
                ((ObjectNode) e).put("policy", policy);
                changed();
                return true;
            }
        }
        return false;
    }

    /** The node group whose instances include {@code nodeName}, else the first one. */
    public synchronized Optional<ObjectNode> nodegroupOfNode(String nodeName) {
        for (JsonNode ng : aws.path("nodegroups")) {
            for (JsonNode i : ng.path("instances")) {
                if (i.path("node").asText().equals(nodeName)) {
                    return Optional.of(((ObjectNode) ng).deepCopy());
                }
            }
        }
        JsonNode first = aws.path("nodegroups").path(0);
        return first.isObject() ? Optional.of(((ObjectNode) first).deepCopy()) : Optional.empty();
    }

    /** Every (node name, instance) pair over all node groups. */
    public synchronized List<ObjectNode> instances() {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode ng : aws.path("nodegroups")) {
            for (JsonNode i : ng.path("instances")) {
                ObjectNode c = ((ObjectNode) i).deepCopy();
                c.put("nodegroup", ng.path("name").asText());
                c.put("instanceProfile", ng.path("instanceProfile").asText());
                c.put("role", ng.path("role").asText());
                out.add(c);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ registries outside AWS

    /** The registry entry for a host (docker.io for Docker Hub), or empty. */
    public synchronized Optional<ObjectNode> registry(String host) {
        JsonNode r = registries.get(host);
        return r != null && r.isObject() ? Optional.of(((ObjectNode) r).deepCopy()) : Optional.empty();
    }

    /** Makes a registry reachable or not (the network fix of S5, done by a person outside Kubernetes and AWS). */
    public synchronized boolean setRegistryReachable(String host, boolean reachable) {
        JsonNode r = registries.get(host);
        if (r == null || !r.isObject()) {
            return false;
        }
        ((ObjectNode) r).put("unreachable", !reachable);
        changed();
        return true;
    }

    /** Takes one pull from an anonymous rate budget; false when it is used up (no budget means unlimited). */
    public synchronized boolean takeRateBudget(String host) {
        JsonNode r = registries.get(host);
        if (r == null || !r.has("rateRemaining")) {
            return true;
        }
        int left = r.path("rateRemaining").asInt();
        if (left <= 0) {
            return false;
        }
        ((ObjectNode) r).put("rateRemaining", left - 1);
        return true;
    }
}
