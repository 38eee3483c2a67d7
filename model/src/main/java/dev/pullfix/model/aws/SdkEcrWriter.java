package dev.pullfix.model.aws;

import software.amazon.awssdk.services.ecr.EcrClient;

/** {@link EcrWriter} over the SDK's ECR client; handed out only by {@link AwsSession#ecrWriter()}. */
final class SdkEcrWriter implements EcrWriter {
    private final AwsSession session;
    private final EcrClient ecr;

    SdkEcrWriter(AwsSession session, EcrClient ecr) {
        this.session = session;
        this.ecr = ecr;
    }

    @Override
    public AwsResult<String> setRepositoryPolicy(String registryId, String repositoryName, String policyText) {
        return session.call("ecr", "SetRepositoryPolicy", () -> ecr.setRepositoryPolicy(b -> b.registryId(registryId)
                .repositoryName(repositoryName).policyText(policyText)).policyText());
    }

    @Override
    public AwsResult<String> deleteRepositoryPolicy(String registryId, String repositoryName) {
        return session.call("ecr", "DeleteRepositoryPolicy", () -> ecr.deleteRepositoryPolicy(b ->
                b.registryId(registryId).repositoryName(repositoryName)).policyText());
    }
}
