package dev.pullfix.model.aws;

import software.amazon.awssdk.services.ecr.EcrClient;

/** {@link EcrWriter} over the SDK's ECR client; handed out only by {@link AwsSession#ecrWriter()}. */
final class SdkEcrWriter implements EcrWriter {
    private final AwsSession session;
    private final java.util.function.Supplier<EcrClient> ecrClient;

    SdkEcrWriter(AwsSession session, java.util.function.Supplier<EcrClient> ecrClient) {
        this.session = session;
        this.ecrClient = ecrClient;
    }

    @Override
    public AwsResult<String> setRepositoryPolicy(String registryId, String repositoryName, String policyText) {
        return session.call("ecr", "SetRepositoryPolicy", () -> ecrClient.get().setRepositoryPolicy(b -> b.registryId(registryId)
                .repositoryName(repositoryName).policyText(policyText)).policyText());
    }

    @Override
    public AwsResult<String> deleteRepositoryPolicy(String registryId, String repositoryName) {
        return session.call("ecr", "DeleteRepositoryPolicy", () -> ecrClient.get().deleteRepositoryPolicy(b ->
                b.registryId(registryId).repositoryName(repositoryName)).policyText());
    }
}
