package dev.pullfix.model.aws;

import software.amazon.awssdk.services.ec2.Ec2Client;

/** {@link Ec2Writer} over the SDK's EC2 client; handed out only by {@link AwsSession#ec2Writer()}. */
final class SdkEc2Writer implements Ec2Writer {
    private final AwsSession session;
    private final java.util.function.Supplier<Ec2Client> ec2Client;

    SdkEc2Writer(AwsSession session, java.util.function.Supplier<Ec2Client> ec2Client) {
        this.session = session;
        this.ec2Client = ec2Client;
    }

    @Override
    public AwsResult<Boolean> setVpcEndpointPolicy(String endpointId, String policyDocument) {
        return session.call("ec2", "ModifyVpcEndpoint", () -> ec2Client.get().modifyVpcEndpoint(b -> {
            b.vpcEndpointId(endpointId);
            if (policyDocument == null) {
                b.resetPolicy(true);
            } else {
                b.policyDocument(policyDocument);
            }
        }).returnValue() != Boolean.FALSE);
    }
}
