package dev.pullfix.model.aws;

import java.util.List;

/** Port: EKS reads. */
public interface EksGateway {
    AwsResult<ClusterInfo> describeCluster(String clusterName);

    AwsResult<NodegroupInfo> describeNodegroup(String clusterName, String nodegroupName);

    AwsResult<FargateProfileInfo> describeFargateProfile(String clusterName, String profileName);

    AwsResult<List<String>> listFargateProfiles(String clusterName);
}
