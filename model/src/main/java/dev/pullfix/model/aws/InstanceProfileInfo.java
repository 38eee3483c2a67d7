package dev.pullfix.model.aws;

import java.util.List;

/** An IAM instance profile and the role(s) in it (at most one in practice). */
public record InstanceProfileInfo(String name, String arn, List<String> roleArns) {
    public InstanceProfileInfo {
        roleArns = List.copyOf(roleArns);
    }
}
