package dev.pullfix.model.aws;

import java.util.List;
import java.util.Map;

/** An EKS Fargate profile; {@code podExecutionRoleArn} is the role that pulls images for its pods. */
public record FargateProfileInfo(String clusterName, String name, String podExecutionRoleArn, String status,
                                 List<Selector> selectors, List<String> subnets) {
    public FargateProfileInfo {
        selectors = List.copyOf(selectors);
        subnets = List.copyOf(subnets);
    }

    public record Selector(String namespace, Map<String, String> labels) {
        public Selector {
            labels = Map.copyOf(labels);
        }
    }
}
