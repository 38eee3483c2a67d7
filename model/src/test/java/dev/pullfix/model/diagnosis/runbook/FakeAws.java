package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.AwsPort;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.EcrImageLookup;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.diagnosis.runbook.port.NodeNetwork;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.diagnosis.runbook.port.VpcEndpointFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory AWS account: ECR repositories with images and policies, roles with policies, node → role, VPC endpoints.
 * Permissions can be withheld ({@link #deny}) and calls slowed down ({@link #delay}) per IAM action.
 */
public class FakeAws implements AwsPort {
    /** repository ARN → tag → detail. */
    public final Map<String, Map<String, EcrImageLookup.Detail>> images = new HashMap<>();
    public final Map<String, String> repositoryPolicies = new HashMap<>();
    public final Map<String, RoleRef> nodeRoles = new HashMap<>();
    public final Map<String, RolePolicies> rolePolicies = new HashMap<>();
    public final Map<String, NodeNetwork> networks = new HashMap<>();
    public final Map<String, List<VpcEndpointFacts>> endpoints = new HashMap<>();
    public final Set<String> denied = new HashSet<>();
    public final Map<String, Long> delays = new HashMap<>();
    public final Map<String, AtomicInteger> calls = new HashMap<>();
    /** Simulated latency for every call (benchmarks). */
    public volatile long latencyMillis;

    public FakeAws deny(String action) {
        denied.add(action);
        return this;
    }

    public FakeAws delay(String action, long millis) {
        delays.put(action, millis);
        return this;
    }

    public int calls(String action) {
        synchronized (calls) {
            return calls.getOrDefault(action, new AtomicInteger()).get();
        }
    }

    private void call(String action) throws CouldNotCheckException {
        synchronized (calls) {
            calls.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
        }
        Long d = delays.getOrDefault(action, latencyMillis > 0 ? latencyMillis : null);
        if (d != null) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CouldNotCheckException.of(CouldNotCheckException.Reason.CANCELLED, action);
            }
        }
        if (denied.contains(action)) {
            throw CouldNotCheckException.accessDenied(action, "User: arn:aws:sts::682844965773:assumed-role/ReadOnly/dev "
                    + "is not authorized to perform: " + action);
        }
    }

    public FakeAws image(EcrRepositoryRef repo, EcrImageLookup.Detail detail) {
        Map<String, EcrImageLookup.Detail> tags = images.computeIfAbsent(repo.arn(), k -> new HashMap<>());
        detail.imageTags().forEach(t -> tags.put(t, detail));
        return this;
    }

    public FakeAws repository(EcrRepositoryRef repo) {
        images.computeIfAbsent(repo.arn(), k -> new HashMap<>());
        return this;
    }

    @Override
    public EcrImageLookup describeImage(EcrRepositoryRef repository, String tagOrDigest) throws CouldNotCheckException {
        call("ecr:DescribeImages");
        Map<String, EcrImageLookup.Detail> tags = images.get(repository.arn());
        if (tags == null) {
            return new EcrImageLookup(EcrImageLookup.Status.REPOSITORY_NOT_FOUND, null, List.of());
        }
        EcrImageLookup.Detail d = tags.get(tagOrDigest);
        if (d == null) {
            List<EcrImageLookup.Detail> recent = new ArrayList<>(new java.util.LinkedHashSet<>(tags.values()));
            recent.sort((a, b) -> b.imagePushedAt().compareTo(a.imagePushedAt()));
            return new EcrImageLookup(EcrImageLookup.Status.IMAGE_NOT_FOUND, null,
                    recent.stream().flatMap(x -> x.imageTags().stream()).toList());
        }
        return new EcrImageLookup(EcrImageLookup.Status.FOUND, d, List.of());
    }

    @Override
    public Optional<String> repositoryPolicy(EcrRepositoryRef repository) throws CouldNotCheckException {
        call("ecr:GetRepositoryPolicy");
        return Optional.ofNullable(repositoryPolicies.get(repository.arn()));
    }

    @Override
    public Optional<RoleRef> nodeRole(NodeFacts node, String clusterName) throws CouldNotCheckException {
        call("eks:DescribeNodegroup");
        return Optional.ofNullable(nodeRoles.get(node.name()));
    }

    @Override
    public RolePolicies rolePolicies(String roleName) throws CouldNotCheckException {
        call("iam:ListAttachedRolePolicies");
        RolePolicies p = rolePolicies.get(roleName);
        if (p == null) {
            throw CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_FOUND, "NoSuchEntity: role " + roleName);
        }
        return p;
    }

    @Override
    public Optional<NodeNetwork> nodeNetwork(NodeFacts node) throws CouldNotCheckException {
        call("ec2:DescribeInstances");
        return Optional.ofNullable(networks.get(node.name()));
    }

    @Override
    public List<VpcEndpointFacts> vpcEndpoints(String region, String vpcId) throws CouldNotCheckException {
        call("ec2:DescribeVpcEndpoints");
        return endpoints.getOrDefault(vpcId, List.of());
    }
}
