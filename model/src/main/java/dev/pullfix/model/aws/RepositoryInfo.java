package dev.pullfix.model.aws;

import java.time.Instant;

/**
 * An ECR repository as {@code DescribeRepositories} tells it.
 *
 * @param encryptionType {@code AES256}, {@code KMS} or {@code KMS_DSSE}
 * @param kmsKey         the KMS key ARN for KMS encryption, or null
 */
public record RepositoryInfo(String registryId, String name, String arn, String uri, Instant createdAt,
                             String encryptionType, String kmsKey, String imageTagMutability, boolean scanOnPush) {

    public boolean kmsEncrypted() {
        return encryptionType != null && encryptionType.startsWith("KMS");
    }
}
