package dev.pullfix.model.aws;

import software.amazon.awssdk.services.iam.IamClient;

/** {@link IamWriter} over the SDK's IAM client; handed out only by {@link AwsSession#iamWriter()}. */
final class SdkIamWriter implements IamWriter {
    private final AwsSession session;
    private final java.util.function.Supplier<IamClient> iamClient;

    SdkIamWriter(AwsSession session, java.util.function.Supplier<IamClient> iamClient) {
        this.session = session;
        this.iamClient = iamClient;
    }

    @Override
    public AwsResult<Boolean> attachRolePolicy(String roleName, String policyArn) {
        return session.call("iam", "AttachRolePolicy", () -> {
            iamClient.get().attachRolePolicy(b -> b.roleName(roleName).policyArn(policyArn));
            return true;
        });
    }

    @Override
    public AwsResult<Boolean> detachRolePolicy(String roleName, String policyArn) {
        return session.call("iam", "DetachRolePolicy", () -> {
            iamClient.get().detachRolePolicy(b -> b.roleName(roleName).policyArn(policyArn));
            return true;
        });
    }
}
