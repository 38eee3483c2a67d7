package dev.pullfix.model.aws;

/** The AWS answers quoted in seed 000 (EKS workshop, ImagePullBackOff on a private ECR image), on the wire. */
final class Seed000 {
    static final String ACCOUNT = "682844965773";
    static final String REPO = "retail-sample-app-ui";
    static final String IMAGE = ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/" + REPO + ":0.4.0";
    static final String REPO_ARN = "arn:aws:ecr:us-west-2:" + ACCOUNT + ":repository/" + REPO;
    static final String NODE_ROLE_NAME = "eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD";
    static final String NODE_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/" + NODE_ROLE_NAME;
    static final String DIGEST = "sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1";

    /** {@code aws ecr describe-images --repository-name retail-sample-app-ui --image-ids imageTag=0.4.0}. */
    static final String DESCRIBE_IMAGES = """
            {"imageDetails":[{"registryId":"682844965773","repositoryName":"retail-sample-app-ui",
            "imageDigest":"sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1",
            "imageTags":["0.4.0"],"imageSizeInBytes":268443135,"imagePushedAt":1.728655381207E9,
            "imageManifestMediaType":"application/vnd.docker.distribution.manifest.v2+json",
            "artifactMediaType":"application/vnd.docker.container.image.v1+json"}]}""";

    /** The repository policy text of seed 000, exactly as ECR returns it (pretty-printed with " : "). */
    static final String POLICY_TEXT = "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ {\n    \"Sid\" : \"new policy\",\n"
            + "    \"Effect\" : \"Deny\",\n    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::682844965773:role/"
            + "eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD\"\n    },\n    \"Action\" : [ "
            + "\"ecr:UploadLayerPart\", \"ecr:SetRepositoryPolicy\", \"ecr:PutImage\", \"ecr:ListImages\", "
            + "\"ecr:InitiateLayerUpload\", \"ecr:GetRepositoryPolicy\", \"ecr:GetDownloadUrlForLayer\", "
            + "\"ecr:DescribeRepositories\", \"ecr:DeleteRepositoryPolicy\", \"ecr:DeleteRepository\", "
            + "\"ecr:CompleteLayerUpload\", \"ecr:BatchGetImage\", \"ecr:BatchDeleteImage\", "
            + "\"ecr:BatchCheckLayerAvailability\" ]\n  } ]\n}";

    static String getRepositoryPolicy(String policyText) {
        return "{\"registryId\":\"682844965773\",\"repositoryName\":\"retail-sample-app-ui\",\"policyText\":"
                + AwsStub.json(policyText) + "}";
    }

    static final String DESCRIBE_REPOSITORIES = """
            {"repositories":[{"repositoryArn":"arn:aws:ecr:us-west-2:682844965773:repository/retail-sample-app-ui",
            "registryId":"682844965773","repositoryName":"retail-sample-app-ui",
            "repositoryUri":"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui",
            "createdAt":1.72865502E9,"imageTagMutability":"MUTABLE",
            "imageScanningConfiguration":{"scanOnPush":false},"encryptionConfiguration":{"encryptionType":"AES256"}}]}""";

    /** {@code aws iam list-attached-role-policies --role-name $ROLE_NAME} as IAM's XML result. */
    static final String LIST_ATTACHED = "<AttachedPolicies>"
            + member("AmazonSSMManagedInstanceCore") + member("AmazonEC2ContainerRegistryReadOnly")
            + member("AmazonEKSWorkerNodePolicy") + member("AmazonSSMPatchAssociation")
            + "</AttachedPolicies><IsTruncated>false</IsTruncated>";

    static final String READ_ONLY_DOCUMENT = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n"
            + "      \"Effect\": \"Allow\",\n      \"Action\": [\n        \"ecr:GetAuthorizationToken\",\n"
            + "        \"ecr:BatchCheckLayerAvailability\",\n        \"ecr:GetDownloadUrlForLayer\",\n"
            + "        \"ecr:GetRepositoryPolicy\",\n        \"ecr:DescribeRepositories\",\n        \"ecr:ListImages\",\n"
            + "        \"ecr:DescribeImages\",\n        \"ecr:BatchGetImage\",\n        \"ecr:GetLifecyclePolicy\",\n"
            + "        \"ecr:GetLifecyclePolicyPreview\",\n        \"ecr:ListTagsForResource\",\n"
            + "        \"ecr:DescribeImageScanFindings\"\n      ],\n      \"Resource\": \"*\"\n    }\n  ]\n}";

    static String member(String name) {
        return "<member><PolicyName>" + name + "</PolicyName><PolicyArn>arn:aws:iam::aws:policy/" + name
                + "</PolicyArn></member>";
    }

    static String getRole(String roleName, String boundaryArn) {
        return "<Role><Path>/</Path><RoleName>" + roleName + "</RoleName><RoleId>AROAZ6EXAMPLEROLEID01</RoleId>"
                + "<Arn>arn:aws:iam::682844965773:role/" + roleName + "</Arn><CreateDate>2024-10-11T13:40:02Z</CreateDate>"
                + "<AssumeRolePolicyDocument>" + AwsStub.urlEncode("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")
                + "</AssumeRolePolicyDocument>"
                + (boundaryArn == null ? "" : "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>"
                + "<PermissionsBoundaryArn>" + boundaryArn + "</PermissionsBoundaryArn></PermissionsBoundary>")
                + "<MaxSessionDuration>3600</MaxSessionDuration></Role>";
    }

    static String getPolicy(String name, String version) {
        return "<Policy><PolicyName>" + name + "</PolicyName><DefaultVersionId>" + version + "</DefaultVersionId>"
                + "<PolicyId>ANPAJ2PTEXAMPLEID0001</PolicyId><Path>/</Path><Arn>arn:aws:iam::aws:policy/" + name
                + "</Arn><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable></Policy>";
    }

    static String getPolicyVersion(String document, String version) {
        return "<PolicyVersion><Document>" + AwsStub.urlEncode(document) + "</Document><VersionId>" + version
                + "</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>2019-12-10T20:56:32Z</CreateDate>"
                + "</PolicyVersion>";
    }

    /** Stubs the node role of seed 000: four attached AWS managed policies, no inline policy, no boundary. */
    static void stubNodeRole(AwsStub stub) {
        stub.iam("GetRole", getRole(NODE_ROLE_NAME, null));
        stub.iam("ListAttachedRolePolicies", LIST_ATTACHED);
        stub.iam("ListRolePolicies", "<PolicyNames/><IsTruncated>false</IsTruncated>");
        stub.iam("GetPolicy", getPolicy("AmazonSSMManagedInstanceCore", "v14"));
        stub.iamWhen("GetPolicy", "AmazonEC2ContainerRegistryReadOnly",
                getPolicy("AmazonEC2ContainerRegistryReadOnly", "v3"));
        stub.iam("GetPolicyVersion", getPolicyVersion("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":[\"ssm:DescribeAssociation\",\"ec2messages:GetMessages\"],\"Resource\":\"*\"}]}", "v14"));
        stub.iamWhen("GetPolicyVersion", "AmazonEC2ContainerRegistryReadOnly", getPolicyVersion(READ_ONLY_DOCUMENT, "v3"));
    }

    /** Stubs seed 000's ECR side: the repository, the image 0.4.0, no pull-through cache, the Deny policy. */
    static void stubEcr(AwsStub stub, String policyText) {
        stub.ecr("DescribeRepositories", DESCRIBE_REPOSITORIES);
        stub.ecr("DescribePullThroughCacheRules", "{\"pullThroughCacheRules\":[]}");
        stub.ecr("DescribeImages", DESCRIBE_IMAGES);
        if (policyText == null) {
            stub.ecrError("GetRepositoryPolicy", "RepositoryPolicyNotFoundException",
                    "Repository policy does not exist for the repository with name 'retail-sample-app-ui' in the "
                            + "registry with id '682844965773'");
        } else {
            stub.ecr("GetRepositoryPolicy", getRepositoryPolicy(policyText));
        }
    }

    private Seed000() {
    }
}
