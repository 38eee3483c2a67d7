package dev.pullfix.model.diagnosis.runbook.port;

import java.util.List;

/**
 * Where a node sits in its VPC, as far as pulling images goes.
 *
 * @param routeToInternet     true when the subnet's route table sends 0.0.0.0/0 to an internet or NAT gateway,
 *                            false when it does not, null when unknown
 * @param egressHttpsAllowed  true when the security groups and network ACL let TCP 443 out, false when not, null when unknown
 */
public record NodeNetwork(String instanceId, String region, String vpcId, String subnetId,
                          List<String> securityGroupIds, Boolean routeToInternet, Boolean egressHttpsAllowed) {
    public NodeNetwork {
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    }
}
