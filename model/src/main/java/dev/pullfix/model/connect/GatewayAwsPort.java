package dev.pullfix.model.connect;

import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.EcrImageId;
import dev.pullfix.model.aws.ImageDetail;
import dev.pullfix.model.aws.ImageLookup;
import dev.pullfix.model.aws.InstanceInfo;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.aws.NodeRole;
import dev.pullfix.model.aws.PolicyDocumentRef;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.aws.TagCandidate;
import dev.pullfix.model.aws.VpcEndpointInfo;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The engine's {@link AwsPort} over the model's AWS gateways: one {@link AwsSession} per region (ECR answers
 * in the image's region), opened lazily and closed with this port. Gateway problems become
 * {@link CouldNotCheckException}s that name the missing permission.
 */
public final class GatewayAwsPort implements AwsPort, AutoCloseable {
    private final Function<String, AwsSession> opener;
    private final String defaultRegion;
    private final Map<String, AwsSession> sessions = new ConcurrentHashMap<>();

    /** @param opener opens a session for a region (profile, credentials, endpoint override fixed by the caller) */
    public GatewayAwsPort(Function<String, AwsSession> opener, String defaultRegion) {
        this.opener = opener;
        this.defaultRegion = defaultRegion;
    }

    private AwsSession session(String region) {
        String r = region == null || region.isBlank() ? defaultRegion : region;
        return sessions.computeIfAbsent(r == null ? "" : r, opener);
    }

    @Override
    public EcrImageLookup describeImage(EcrRepositoryRef repo, String tagOrDigest) throws CouldNotCheckException {
        EcrImageId id = tagOrDigest.startsWith("sha256:") ? EcrImageId.digest(tagOrDigest) : EcrImageId.tag(tagOrDigest);
        AwsResult<ImageLookup> r = session(repo.region()).ecr().describeImage(repo.account(), repo.name(), id);
        if (!r.isOk() && r.problem().orElseThrow().kind() == AwsProblem.Kind.REPOSITORY_NOT_FOUND) {
            return new EcrImageLookup(EcrImageLookup.Status.REPOSITORY_NOT_FOUND, null, List.of());
        }
        ImageLookup lookup = value(r, "ecr:DescribeImages");
        List<String> recent = lookup.nearestTags().stream().map(TagCandidate::tag).toList();
        if (!lookup.found()) {
            return new EcrImageLookup(EcrImageLookup.Status.IMAGE_NOT_FOUND, null, recent);
        }
        ImageDetail d = lookup.image();
        return new EcrImageLookup(EcrImageLookup.Status.FOUND, new EcrImageLookup.Detail(d.registryId(), d.repositoryName(),
                d.digest(), d.tags(), d.sizeInBytes() == null ? 0 : d.sizeInBytes(), d.pushedAt(), d.manifestMediaType(),
                d.artifactMediaType()), recent);
    }

    @Override
    public Optional<String> repositoryPolicy(EcrRepositoryRef repo) throws CouldNotCheckException {
        return value(session(repo.region()).ecr().getRepositoryPolicy(repo.account(), repo.name()), "ecr:GetRepositoryPolicy");
    }

    @Override
    public Optional<RoleRef> nodeRole(NodeFacts node, String clusterName) throws CouldNotCheckException {
        AwsSession s = session(node.region().orElse(null));
        AwsResult<NodeRole> r = s.nodeRoleResolver().resolve(clusterName,
                node);
        if (!r.isOk() && r.problem().orElseThrow().kind() == AwsProblem.Kind.UNRESOLVED) {
            return Optional.empty();
        }
        NodeRole role = value(r, "eks:DescribeNodegroup");
        return Optional.of(RoleRef.ofArn(role.roleArn(), role.path().name()));
    }

    @Override
    public RolePolicies rolePolicies(String roleName) throws CouldNotCheckException {
        RolePolicies p = value(session(null).iam().rolePolicies(roleName), "iam:ListAttachedRolePolicies");
        if (p.attached().isEmpty() && p.inline().isEmpty() && !p.problems().isEmpty()) {
            throw problem(p.problems().get(0), "iam:ListAttachedRolePolicies");
        }
        return p;
    }

    @Override
    public Optional<NodeNetwork> nodeNetwork(NodeFacts node) throws CouldNotCheckException {
        Optional<String> id = node.instanceId();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String region = node.region().orElse(null);
        InstanceInfo i = value(session(region).ec2().describeInstance(id.get()), "ec2:DescribeInstances");
        return Optional.of(new NodeNetwork(i.instanceId(), region, i.vpcId(), i.subnetId(), List.of(), null, null));
    }

    @Override
    public List<VpcEndpointFacts> vpcEndpoints(String region, String vpcId) throws CouldNotCheckException {
        List<VpcEndpointInfo> eps = value(session(region).ec2().ecrPullEndpoints(vpcId), "ec2:DescribeVpcEndpoints");
        return eps.stream().map(e -> new VpcEndpointFacts(e.id(), e.serviceName(), e.type(), e.state(),
                e.privateDnsEnabled(), e.policyDocument())).toList();
    }

    @Override
    public void close() {
        sessions.values().forEach(AwsSession::close);
        sessions.clear();
    }

    static <T> T value(AwsResult<T> r, String action) throws CouldNotCheckException {
        if (r.isOk()) {
            return r.value();
        }
        throw problem(r.problem().orElseThrow(), action);
    }

    static CouldNotCheckException problem(AwsProblem p, String action) {
        String detail = p.detail() == null ? p.kind().name() : p.detail();
        return switch (p.kind()) {
            case ACCESS_DENIED -> CouldNotCheckException.accessDenied(p.missingAction() != null ? p.missingAction() : action, detail);
            case EXPIRED_TOKEN, INVALID_CREDENTIALS, NO_CREDENTIALS, SSO_LOGIN_REQUIRED, PROFILE_NOT_FOUND, NO_REGION ->
                    new CouldNotCheckException(CouldNotCheckException.Reason.NO_CREDENTIALS, action,
                            p.kind() == AwsProblem.Kind.SSO_LOGIN_REQUIRED && p.profile() != null
                                    ? "run `aws sso login --profile " + p.profile() + "`" : detail);
            case ENDPOINT_UNREACHABLE -> new CouldNotCheckException(CouldNotCheckException.Reason.UNREACHABLE, action, detail);
            case NOT_FOUND, REPOSITORY_NOT_FOUND, IMAGE_NOT_FOUND, REPOSITORY_POLICY_NOT_FOUND ->
                    new CouldNotCheckException(CouldNotCheckException.Reason.NOT_FOUND, action, detail);
            default -> new CouldNotCheckException(CouldNotCheckException.Reason.ERROR, action, detail);
        };
    }
}
