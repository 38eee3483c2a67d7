package dev.pullfix.model.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Every policy that applies to a request. Absent parts are empty lists / null: no resource policy, no boundary,
 * no SCPs (account not in an organization, or management account), no VPC endpoint on the path.
 * Each SCP entry stands for one level of the organization tree and must allow on its own.
 */
public record PolicySet(List<NamedPolicy> identityPolicies, NamedPolicy resourcePolicy, NamedPolicy permissionsBoundary,
                        List<NamedPolicy> scps, List<NamedPolicy> vpcEndpointPolicies) {
    public PolicySet {
        identityPolicies = List.copyOf(identityPolicies);
        scps = List.copyOf(scps);
        vpcEndpointPolicies = List.copyOf(vpcEndpointPolicies);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All policies in a stable order: identity, resource, boundary, SCPs, endpoints. */
    public List<NamedPolicy> all() {
        List<NamedPolicy> out = new ArrayList<>(identityPolicies);
        if (resourcePolicy != null) {
            out.add(resourcePolicy);
        }
        if (permissionsBoundary != null) {
            out.add(permissionsBoundary);
        }
        out.addAll(scps);
        out.addAll(vpcEndpointPolicies);
        return out;
    }

    public PolicySet withResourcePolicy(NamedPolicy p) {
        return new PolicySet(identityPolicies, p, permissionsBoundary, scps, vpcEndpointPolicies);
    }

    public PolicySet withVpcEndpointPolicies(List<NamedPolicy> p) {
        return new PolicySet(identityPolicies, resourcePolicy, permissionsBoundary, scps, p);
    }

    public static final class Builder {
        private final List<NamedPolicy> identity = new ArrayList<>();
        private NamedPolicy resource;
        private NamedPolicy boundary;
        private final List<NamedPolicy> scps = new ArrayList<>();
        private final List<NamedPolicy> endpoints = new ArrayList<>();

        public Builder identity(String name, PolicyDocument doc) {
            identity.add(new NamedPolicy(PolicyKind.IDENTITY, name, doc));
            return this;
        }

        public Builder resource(String name, PolicyDocument doc) {
            resource = doc == null ? null : new NamedPolicy(PolicyKind.RESOURCE, name, doc);
            return this;
        }

        public Builder boundary(String name, PolicyDocument doc) {
            boundary = doc == null ? null : new NamedPolicy(PolicyKind.PERMISSIONS_BOUNDARY, name, doc);
            return this;
        }

        public Builder scp(String name, PolicyDocument doc) {
            scps.add(new NamedPolicy(PolicyKind.SCP, name, doc));
            return this;
        }

        public Builder vpcEndpoint(String name, PolicyDocument doc) {
            endpoints.add(new NamedPolicy(PolicyKind.VPC_ENDPOINT, name, doc));
            return this;
        }

        public PolicySet build() {
            return new PolicySet(identity, resource, boundary, scps, endpoints);
        }
    }
}
