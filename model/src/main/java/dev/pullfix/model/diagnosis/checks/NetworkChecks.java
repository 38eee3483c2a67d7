package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.checks.CheckSupport.nz;
import static dev.pullfix.model.diagnosis.checks.CheckSupport.pretty;
import static dev.pullfix.model.diagnosis.checks.CheckSupport.tri;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.diagnosis.runbook.port.NodeNetwork;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.AccessQuestion;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.Decision;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.PolicyDecision;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.PolicySource;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.diagnosis.runbook.port.VpcEndpointFacts;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The network family (seed 004): the node's path out (route, security group egress), the ECR/S3 VPC endpoints and
 * their policies judged for what the kubelet sends through each ({@link KubeletPull#through}); and the steps only a
 * shell on the node can answer.
 */
public final class NetworkChecks {
    /** Endpoint policies are judged alone: the identity side is assumed to allow (its own step judges it). */
    private static final String IDENTITY_ALLOWS_ALL =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private NetworkChecks() {
    }

    public static void register(CheckRegistry r) {
        r.register("aws.node-network", NetworkChecks::nodeNetwork);
        r.register("aws.vpc-endpoints", NetworkChecks::vpcEndpoints);
        r.register("aws.vpc-endpoint-policy", NetworkChecks::vpcEndpointPolicy);
        r.register("manual.node-shell", NetworkChecks::nodeShell);
    }

    static CheckOutcome nodeNetwork(Facts f) throws CouldNotCheckException {
        NodeNetwork n = f.nodeNetwork().orElseThrow(() ->
                CouldNotCheckException.of(Reason.NOT_FOUND, "node network not resolved"));
        Evidence ev = Evidence.table(Show.TABLE, "evidence.nodeNetwork", List.of("", ""), List.of(
                List.of("instance", nz(n.instanceId())), List.of("vpc", nz(n.vpcId())), List.of("subnet", nz(n.subnetId())),
                List.of("security groups", String.join(", ", n.securityGroupIds())),
                List.of("route 0.0.0.0/0 to NAT/IGW", tri(n.routeToInternet())),
                List.of("egress TCP 443", tri(n.egressHttpsAllowed()))));
        if (Boolean.FALSE.equals(n.egressHttpsAllowed())) {
            return CheckOutcome.problem(Finding.cause("NETWORK_TIMEOUT", "nodeEgressBlocked", String.join(", ", n.securityGroupIds())))
                    .evidence(ev)
                    .fix(FixProposal.Manual.of(FixKind.MANUAL, new FixProposal.Target("SecurityGroup",
                            String.join(",", n.securityGroupIds()), n.region()), "fix.allowEgress443",
                            String.join(", ", n.securityGroupIds())))
                    .build();
        }
        if (Boolean.FALSE.equals(n.routeToInternet())) {
            Optional<EcrRepositoryRef> repo = f.ecrRepository();
            if (repo.isPresent()) {
                List<String> missing = missingEndpoints(f.vpcEndpoints(n.region(), n.vpcId()), n.region());
                if (missing.isEmpty()) {
                    return CheckOutcome.ok(Finding.of("privateSubnetWithEndpoints", n.subnetId())).evidence(ev).build();
                }
            }
            return CheckOutcome.problem(Finding.cause("NETWORK_TIMEOUT", "nodeNoRouteToRegistry", nz(n.subnetId()),
                            f.image().domain()))
                    .evidence(ev)
                    .fix(FixProposal.Manual.of(FixKind.MANUAL, new FixProposal.Target("Subnet", n.subnetId(), n.region()),
                            "fix.addNatRoute", nz(n.subnetId())))
                    .build();
        }
        if (n.routeToInternet() == null || n.egressHttpsAllowed() == null) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.NOT_SUPPORTED, "route or egress unknown"))
                    .withEvidence(List.of(ev));
        }
        return CheckOutcome.ok(Finding.of("nodeHasPathOut", nz(n.subnetId()))).evidence(ev).build();
    }

    static List<String> ecrServiceNames(String region) {
        return List.of("com.amazonaws." + region + ".ecr.api", "com.amazonaws." + region + ".ecr.dkr",
                "com.amazonaws." + region + ".s3");
    }

    static List<String> missingEndpoints(List<VpcEndpointFacts> eps, String region) {
        List<String> missing = new ArrayList<>();
        for (String s : ecrServiceNames(region)) {
            if (eps.stream().noneMatch(e -> e.serviceName().equals(s) && e.available())) {
                missing.add(s);
            }
        }
        return missing;
    }

    static CheckOutcome vpcEndpoints(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        NodeNetwork n = f.nodeNetwork().orElseThrow(() ->
                CouldNotCheckException.of(Reason.NOT_FOUND, "node network not resolved"));
        String region = n.region() != null ? n.region() : repo.get().region();
        List<VpcEndpointFacts> eps = f.vpcEndpoints(region, n.vpcId());
        List<String> wanted = ecrServiceNames(region);
        Evidence ev = Evidence.table(Show.TABLE, "evidence.vpcEndpoints",
                List.of("SERVICE", "ENDPOINT", "TYPE", "STATE", "PRIVATE DNS"),
                eps.stream().filter(e -> wanted.contains(e.serviceName()))
                        .map(e -> List.of(e.serviceName(), e.id(), nz(e.type()), nz(e.state()),
                                "Interface".equalsIgnoreCase(e.type()) ? Boolean.toString(e.privateDnsEnabled()) : "-"))
                        .toList());
        List<String> missing = missingEndpoints(eps, region);
        Optional<VpcEndpointFacts> noDns = eps.stream().filter(e -> wanted.contains(e.serviceName())
                && "Interface".equalsIgnoreCase(e.type()) && !e.privateDnsEnabled() && !e.serviceName().endsWith(".s3")).findFirst();
        if (noDns.isPresent()) {
            return CheckOutcome.problem(Finding.cause("NETWORK_TIMEOUT", "endpointPrivateDnsOff", noDns.get().id()))
                    .evidence(ev)
                    .fix(FixProposal.Manual.of(FixKind.MANUAL, new FixProposal.Target("VpcEndpoint", noDns.get().id(), region),
                            "fix.enablePrivateDns", noDns.get().id()))
                    .build();
        }
        if (missing.isEmpty()) {
            return CheckOutcome.ok(Finding.of("vpcEndpointsPresent", n.vpcId())).evidence(ev).build();
        }
        if (Boolean.TRUE.equals(n.routeToInternet())) {
            return CheckOutcome.ok(Finding.of(missing.size() == 3 ? "publicPathToEcr" : "someEndpointsMissingButNat",
                    n.vpcId(), String.join(", ", missing))).evidence(ev).build();
        }
        if (n.routeToInternet() == null) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.NOT_SUPPORTED, "route unknown"))
                    .withEvidence(List.of(ev));
        }
        return CheckOutcome.problem(Finding.cause("NETWORK_TIMEOUT", "vpcEndpointsMissing", n.vpcId(), String.join(", ", missing)))
                .evidence(ev)
                .fix(FixProposal.Manual.of(FixKind.VPC_ENDPOINT_CREATE, new FixProposal.Target("Vpc", n.vpcId(), region),
                        "fix.createVpcEndpoints", String.join(", ", missing), n.vpcId()))
                .build();
    }

    /** Which path a call through this endpoint takes (the service name's suffix). */
    static KubeletPull.Path pathOf(VpcEndpointFacts e) {
        if (e.serviceName().endsWith(".ecr.dkr")) {
            return KubeletPull.Path.ECR_DKR;
        }
        return e.serviceName().endsWith(".ecr.api") ? KubeletPull.Path.ECR_API : KubeletPull.Path.S3_GATEWAY;
    }

    static CheckOutcome vpcEndpointPolicy(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        NodeNetwork n = f.nodeNetwork().orElseThrow(() ->
                CouldNotCheckException.of(Reason.NOT_FOUND, "node network not resolved"));
        String region = n.region() != null ? n.region() : repo.get().region();
        List<VpcEndpointFacts> eps = f.vpcEndpoints(region, n.vpcId()).stream()
                .filter(e -> ecrServiceNames(region).contains(e.serviceName())).toList();
        if (eps.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("noVpcEndpoints", n.vpcId())).build();
        }
        RoleRef role = f.nodeRole().orElseThrow(() -> CouldNotCheckException.of(Reason.NOT_FOUND, "node role not resolved"));
        String principal = IamChecks.sessionArn(role, f);
        List<List<String>> rows = new ArrayList<>();
        List<Evidence> ev = new ArrayList<>();
        for (VpcEndpointFacts e : eps) {
            if (e.policyDocument() == null) {
                continue;
            }
            List<PolicySource> src = List.of(
                    new PolicySource("identity (assumed to allow)", PolicySource.Kind.IDENTITY, IDENTITY_ALLOWS_ALL),
                    new PolicySource("endpoint policy " + e.id(), PolicySource.Kind.ENDPOINT, e.policyDocument()));
            for (KubeletPull.Requirement r : KubeletPull.through(pathOf(e))) {
                String resource = KubeletPull.resource(r, repo.get().arn(), region);
                PolicyDecision d = f.judge().judge(new AccessQuestion(principal, r.action(), resource), src);
                String sid = d.deciding().isEmpty() ? "" : nz(d.deciding().get(0).sid());
                rows.add(List.of(e.id(), e.serviceName(), r.action(), d.decision().name(), sid));
                if (d.decision() == Decision.EXPLICIT_DENY || d.decision() == Decision.IMPLICIT_DENY) {
                    ev.add(Evidence.text(Show.JSON, "evidence.endpointPolicy", pretty(e.policyDocument())));
                    ev.add(0, Evidence.table(Show.POLICY_STATEMENTS, "evidence.policyDecisions",
                            List.of("ENDPOINT", "SERVICE", "ACTION", "DECISION", "STATEMENT"), rows));
                    d.deciding().stream().filter(s -> s.json() != null).findFirst().ifPresent(s ->
                            ev.add(Evidence.text(Show.POLICY_STATEMENTS, "evidence.decidingStatement", s.json())));
                    return CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "vpcEndpointPolicyDenies", e.id(),
                                    r.action(), d.decision() == Decision.EXPLICIT_DENY ? sid : "-"))
                            .fix(new FixProposal.VpcEndpointPolicyEdit(new FixProposal.Target("VpcEndpoint", e.id(), region),
                                    Message.of("diagnosis", "fix.vpcEndpointPolicyEdit", e.id(), r.action(), role.name()),
                                    role.account(), region, nz(n.vpcId()), e.id(), r.action(), resource, role.arn(), sid))
                            .build().withEvidence(ev);
                }
            }
        }
        return CheckOutcome.ok(Finding.of("vpcEndpointPoliciesAllow", n.vpcId())).build()
                .withEvidence(List.of(Evidence.table(Show.POLICY_STATEMENTS, "evidence.policyDecisions",
                        List.of("ENDPOINT", "SERVICE", "ACTION", "DECISION", "STATEMENT"), rows)));
    }

    static CheckOutcome nodeShell(Facts f) throws CouldNotCheckException {
        throw CouldNotCheckException.of(Reason.NEEDS_NODE_SHELL, "run the step's commands on the node");
    }
}
