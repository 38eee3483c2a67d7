package dev.pullfix.model.aws;

import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The network path from the nodes' VPC to ECR (seed 004): interface endpoints for {@code ecr.api} and
 * {@code ecr.dkr}, the S3 gateway endpoint for layers, their state, private DNS and policies. Pure; the endpoint
 * list comes from {@link Ec2Gateway#ecrPullEndpoints(String)} or the lab.
 *
 * @param findings each a message code of the {@code aws} bundle ({@code aws.net.*}) with arguments
 */
public record PullNetwork(String vpcId, String region, List<VpcEndpointInfo> endpoints, List<Finding> findings) {

    public PullNetwork {
        endpoints = List.copyOf(endpoints);
        findings = List.copyOf(findings);
    }

    public record Finding(Severity severity, String code, List<String> args) {
        public Finding {
            args = List.copyOf(args);
        }
    }

    public enum Severity { PROBLEM, WARNING, INFO }

    public static PullNetwork analyze(String vpcId, String region, List<VpcEndpointInfo> endpoints) {
        List<Finding> f = new ArrayList<>();
        List<VpcEndpointInfo> api = of(endpoints, VpcEndpointInfo.Role.ECR_API);
        List<VpcEndpointInfo> dkr = of(endpoints, VpcEndpointInfo.Role.ECR_DKR);
        List<VpcEndpointInfo> s3gw = of(endpoints, VpcEndpointInfo.Role.S3_GATEWAY);
        List<VpcEndpointInfo> s3if = of(endpoints, VpcEndpointInfo.Role.S3_INTERFACE);
        if (api.isEmpty() && dkr.isEmpty()) {
            f.add(new Finding(Severity.INFO, "aws.net.noEcrEndpoints", List.of(vpcId)));
            return new PullNetwork(vpcId, region, endpoints, f);
        }
        String prefix = "com.amazonaws." + region;
        if (api.isEmpty()) {
            f.add(new Finding(Severity.PROBLEM, "aws.net.missingEndpoint", List.of(prefix + ".ecr.api", vpcId)));
        }
        if (dkr.isEmpty()) {
            f.add(new Finding(Severity.PROBLEM, "aws.net.missingEndpoint", List.of(prefix + ".ecr.dkr", vpcId)));
        }
        if (s3gw.isEmpty()) {
            f.add(new Finding(s3if.isEmpty() ? Severity.PROBLEM : Severity.WARNING, "aws.net.missingS3Gateway",
                    List.of(prefix + ".s3", vpcId)));
        }
        for (VpcEndpointInfo e : endpoints) {
            if (e.role() == VpcEndpointInfo.Role.OTHER) {
                continue;
            }
            if (e.state() != null && !e.state().equalsIgnoreCase("available")) {
                f.add(new Finding(Severity.PROBLEM, "aws.net.endpointNotAvailable", List.of(e.id(), e.serviceName(),
                        e.state())));
            }
            boolean ecrInterface = e.role() == VpcEndpointInfo.Role.ECR_API || e.role() == VpcEndpointInfo.Role.ECR_DKR;
            if (ecrInterface && !e.privateDnsEnabled()) {
                f.add(new Finding(Severity.PROBLEM, "aws.net.privateDnsDisabled", List.of(e.id(), e.serviceName())));
            }
            if (e.policyDocument() != null && !isFullAccess(e.policyDocument())) {
                f.add(new Finding(Severity.INFO, "aws.net.endpointPolicy", List.of(e.id(), e.serviceName())));
            }
        }
        return new PullNetwork(vpcId, region, endpoints, f);
    }

    /** The nodes pull through VPC endpoints (at least one ECR endpoint exists). */
    public boolean viaEndpoints() {
        return endpoints.stream().anyMatch(e -> e.role() == VpcEndpointInfo.Role.ECR_API
                || e.role() == VpcEndpointInfo.Role.ECR_DKR);
    }

    /**
     * Adds the endpoint policies to a pull check, so the verdict includes them. Unparsable policies are returned
     * as findings instead.
     */
    public List<Finding> applyTo(KubeletPull.Builder pull) {
        List<Finding> problems = new ArrayList<>();
        if (!viaEndpoints()) {
            return problems;
        }
        pull.viaVpcEndpoints(true);
        for (VpcEndpointInfo e : endpoints) {
            KubeletPull.Path path = switch (e.role()) {
                case ECR_API -> KubeletPull.Path.ECR_API;
                case ECR_DKR -> KubeletPull.Path.ECR_DKR;
                case S3_GATEWAY -> KubeletPull.Path.S3_GATEWAY;
                default -> null;
            };
            if (path == null || e.policyDocument() == null) {
                continue;
            }
            try {
                pull.endpointPolicy(path, e.id(), PolicyDocument.parse(e.policyDocument()));
            } catch (InvalidPolicyException ex) {
                problems.add(new Finding(Severity.WARNING, "aws.check.policyUnparsable", List.of(e.id(),
                        ex.getMessage())));
            }
        }
        return problems;
    }

    private static List<VpcEndpointInfo> of(List<VpcEndpointInfo> all, VpcEndpointInfo.Role role) {
        return all.stream().filter(e -> e.role() == role).toList();
    }

    /** The default endpoint policy: one Allow of everything to everyone. */
    static boolean isFullAccess(String policy) {
        String compact = policy.replaceAll("\\s", "");
        return compact.matches("\\{\"Version\":\"[0-9-]+\",\"Statement\":\\[\\{\"Effect\":\"Allow\",\"Principal\":\"\\*\","
                + "\"Action\":\"\\*\",\"Resource\":\"\\*\"}]}")
                || compact.matches("\\{\"Statement\":\\[\\{\"Action\":\"\\*\",\"Effect\":\"Allow\",\"Principal\":\"\\*\","
                + "\"Resource\":\"\\*\"}]}");
    }
}
