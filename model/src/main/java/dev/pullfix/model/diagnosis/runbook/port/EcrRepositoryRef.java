package dev.pullfix.model.diagnosis.runbook.port;

/** A private ECR repository: account (registry id), region and repository name; partition for ARNs. */
public record EcrRepositoryRef(String account, String region, String name, String partition) {
    public EcrRepositoryRef {
        partition = partition == null ? "aws" : partition;
    }

    public String arn() {
        return "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/" + name;
    }
}
