package dev.pullfix.model.diagnosis.runbook.port;

/**
 * One VPC endpoint.
 *
 * @param serviceName     e.g. {@code com.amazonaws.us-west-2.ecr.dkr}
 * @param type            Interface or Gateway
 * @param state           available, pending, ...
 * @param policyDocument  the endpoint policy JSON (AWS returns the full-access default when none was set)
 */
public record VpcEndpointFacts(String id, String serviceName, String type, String state, boolean privateDnsEnabled,
                               String policyDocument) {

    public boolean available() {
        return "available".equalsIgnoreCase(state);
    }
}
