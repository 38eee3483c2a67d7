package dev.pullfix.model.aws;

/**
 * Port: the only ECR writes. To be called by the fix write path alone (backup, confirm, audit), never by checks.
 */
public interface EcrWriter {

    /** Sets the repository policy and returns the policy text ECR stored. */
    AwsResult<String> setRepositoryPolicy(String registryId, String repositoryName, String policyText);

    /** Removes the repository policy (undo of a set where there was none before); returns the removed text. */
    AwsResult<String> deleteRepositoryPolicy(String registryId, String repositoryName);
}
