package dev.pullfix.model.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SdkEcrGatewayTest extends AwsStubTest {



    @Test
    void describesTheSeedRepositoryWithItsEncryption() {
        stub.ecr("DescribeRepositories", Seed000.DESCRIBE_REPOSITORIES);
        RepositoryInfo r = session.ecr().describeRepository(Seed000.ACCOUNT, Seed000.REPO).value();
        assertThat(r.arn()).isEqualTo(Seed000.REPO_ARN);
        assertThat(r.encryptionType()).isEqualTo("AES256");
        assertThat(r.kmsEncrypted()).isFalse();
        assertThat(session.ecr().repositoryExists(Seed000.ACCOUNT, Seed000.REPO).value()).isTrue();
    }

    @Test
    void sendsTheRegistryAndRepositoryInTheJsonBody() {
        stub.server.stubFor(AwsStub.ecrCall("DescribeRepositories")
                .withRequestBody(equalToJson("{\"registryId\":\"682844965773\",\"repositoryNames\":[\"retail-sample-app-ui\"]}"))
                .withHeader("Content-Type", containing("application/x-amz-json-1.1"))
                .willReturn(aResponse().withStatus(200).withBody(Seed000.DESCRIBE_REPOSITORIES)));
        assertThat(session.ecr().describeRepository(Seed000.ACCOUNT, Seed000.REPO).isOk()).isTrue();
    }

    @Test
    void reportsKmsKeyOfAnEncryptedRepository() {
        stub.ecr("DescribeRepositories", Seed000.DESCRIBE_REPOSITORIES.replace("{\"encryptionType\":\"AES256\"}",
                "{\"encryptionType\":\"KMS\",\"kmsKey\":\"arn:aws:kms:us-west-2:682844965773:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}"));
        RepositoryInfo r = session.ecr().describeRepository(Seed000.ACCOUNT, Seed000.REPO).value();
        assertThat(r.kmsEncrypted()).isTrue();
        assertThat(r.kmsKey()).endsWith("key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void missingRepositoryIsTypedAndRepositoryExistsSaysFalse() {
        stub.ecrError("DescribeRepositories", "RepositoryNotFoundException",
                "The repository with name 'nope' does not exist in the registry with id '682844965773'");
        AwsResult<RepositoryInfo> r = session.ecr().describeRepository(Seed000.ACCOUNT, "nope");
        assertThat(r.problem().orElseThrow().kind()).isEqualTo(AwsProblem.Kind.REPOSITORY_NOT_FOUND);
        assertThat(session.ecr().repositoryExists(Seed000.ACCOUNT, "nope").value()).isFalse();
    }

    @Test
    void accessDeniedNamesTheMissingActionFromTheMessage() {
        stub.ecrError("GetRepositoryPolicy", "AccessDeniedException",
                "User: arn:aws:sts::682844965773:assumed-role/ReadOnly/alice is not authorized to perform: "
                        + "ecr:GetRepositoryPolicy on resource: " + Seed000.REPO_ARN
                        + " because no identity-based policy allows the ecr:GetRepositoryPolicy action");
        AwsProblem p = session.ecr().getRepositoryPolicy(Seed000.ACCOUNT, Seed000.REPO).problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.ACCESS_DENIED);
        assertThat(p.missingAction()).isEqualTo("ecr:GetRepositoryPolicy");
        assertThat(p.denial().reason()).isEqualTo(AccessDeniedMessage.Reason.NO_IDENTITY_POLICY_ALLOWS);
        assertThat(p.messageCode()).isEqualTo("aws.problem.accessDenied");
        assertThat(p.messageArgs().get(0)).isEqualTo("ecr:GetRepositoryPolicy");
    }

    @Test
    void accessDeniedWithoutAParsableMessageFallsBackToServiceAndOperation() {
        stub.ecrError("DescribeImages", "AccessDeniedException", "Access denied");
        AwsProblem p = session.ecr().describeImage(Seed000.ACCOUNT, Seed000.REPO, EcrImageId.tag("0.4.0"))
                .problem().orElseThrow();
        assertThat(p.missingAction()).isEqualTo("ecr:DescribeImages");
    }

    @Test
    void absentRepositoryPolicyIsAnEmptyValueNotAProblem() {
        stub.ecrError("GetRepositoryPolicy", "RepositoryPolicyNotFoundException",
                "Repository policy does not exist for the repository with name 'retail-sample-app-ui' in the registry "
                        + "with id '682844965773'");
        AwsResult<Optional<String>> r = session.ecr().getRepositoryPolicy(Seed000.ACCOUNT, Seed000.REPO);
        assertThat(r.isOk()).isTrue();
        assertThat(r.value()).isEmpty();
    }

    @Test
    void returnsTheSeedRepositoryPolicyText() {
        stub.ecr("GetRepositoryPolicy", Seed000.getRepositoryPolicy(Seed000.POLICY_TEXT));
        String text = session.ecr().getRepositoryPolicy(Seed000.ACCOUNT, Seed000.REPO).value().orElseThrow();
        assertThat(text).isEqualTo(Seed000.POLICY_TEXT).contains("\"Effect\" : \"Deny\"");
    }

    @Test
    void findsTheSeedImageByTag() {
        stub.ecrWhen("DescribeImages", "\"imageTag\":\"0.4.0\"", Seed000.DESCRIBE_IMAGES);
        ImageLookup l = session.ecr().describeImage(Seed000.ACCOUNT, Seed000.REPO, EcrImageId.tag("0.4.0")).value();
        assertThat(l.found()).isTrue();
        assertThat(l.image().digest()).isEqualTo(Seed000.DIGEST);
        assertThat(l.image().sizeInBytes()).isEqualTo(268443135L);
        assertThat(l.image().pushedAt()).hasToString("2024-10-11T14:03:01.207Z");
    }

    @Test
    void missingTagOffersNearestTagsBySemverNewestFirst() {
        stub.ecrErrorWhen("DescribeImages", "imageIds", "ImageNotFoundException",
                "The image with imageId {imageDigest:'null', imageTag:'0.4.1'} does not exist within the repository "
                        + "with name 'retail-sample-app-ui' in the registry with id '682844965773'");
        stub.ecrWhen("DescribeImages", "maxResults", """
                {"imageDetails":[
                 {"registryId":"682844965773","repositoryName":"retail-sample-app-ui","imageDigest":"sha256:aaa1","imageTags":["0.4.0"],"imagePushedAt":1.7286E9},
                 {"registryId":"682844965773","repositoryName":"retail-sample-app-ui","imageDigest":"sha256:aaa2","imageTags":["0.4.2","latest"],"imagePushedAt":1.7300E9},
                 {"registryId":"682844965773","repositoryName":"retail-sample-app-ui","imageDigest":"sha256:aaa3","imageTags":["1.0.0"],"imagePushedAt":1.7400E9},
                 {"registryId":"682844965773","repositoryName":"retail-sample-app-ui","imageDigest":"sha256:aaa4","imagePushedAt":1.7500E9}
                ]}""");
        ImageLookup l = session.ecr().describeImage(Seed000.ACCOUNT, Seed000.REPO, EcrImageId.tag("0.4.1")).value();
        assertThat(l.found()).isFalse();
        assertThat(l.nearestTags()).extracting(TagCandidate::tag).containsExactly("0.4.2", "0.4.0", "1.0.0", "latest");
    }

    @Test
    void missingDigestOffersTheNewestTags() {
        stub.ecrErrorWhen("DescribeImages", "imageIds", "ImageNotFoundException", "The image does not exist");
        stub.ecrWhen("DescribeImages", "maxResults", """
                {"imageDetails":[
                 {"imageDigest":"sha256:aaa1","imageTags":["old"],"imagePushedAt":1.6E9},
                 {"imageDigest":"sha256:aaa2","imageTags":["new"],"imagePushedAt":1.7E9}]}""");
        ImageLookup l = session.ecr().describeImage(Seed000.ACCOUNT, Seed000.REPO,
                EcrImageId.digest("sha256:" + "0".repeat(64))).value();
        assertThat(l.nearestTags()).extracting(TagCandidate::tag).containsExactly("new", "old");
    }

    @Test
    void listingFollowsNextTokenPages() {
        stub.server.stubFor(AwsStub.ecrCall("DescribeImages").withRequestBody(containing("nextToken"))
                .willReturn(aResponse().withStatus(200).withBody(
                        "{\"imageDetails\":[{\"imageDigest\":\"sha256:b\",\"imageTags\":[\"b\"],\"imagePushedAt\":1.5E9}]}")));
        stub.server.stubFor(AwsStub.ecrCall("DescribeImages").withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.notContaining("nextToken"))
                .willReturn(aResponse().withStatus(200).withBody(
                        "{\"imageDetails\":[{\"imageDigest\":\"sha256:a\",\"imageTags\":[\"a\"],\"imagePushedAt\":1.6E9}],"
                                + "\"nextToken\":\"page2\"}")));
        List<ImageDetail> all = session.ecr().listImages(Seed000.ACCOUNT, Seed000.REPO).value();
        assertThat(all).extracting(ImageDetail::digest).containsExactly("sha256:a", "sha256:b");
    }

    @Test
    void findsThePullThroughCacheRuleByLongestPrefix() {
        stub.ecr("DescribePullThroughCacheRules", """
                {"pullThroughCacheRules":[
                 {"ecrRepositoryPrefix":"ecr-public","upstreamRegistryUrl":"public.ecr.aws","registryId":"682844965773","upstreamRegistry":"ecr-public","createdAt":1.7E9},
                 {"ecrRepositoryPrefix":"docker-hub","upstreamRegistryUrl":"registry-1.docker.io","registryId":"682844965773","upstreamRegistry":"docker-hub","credentialArn":"arn:aws:secretsmanager:us-west-2:682844965773:secret:ecr-pullthroughcache/hub-AbCdEf","createdAt":1.7E9}]}""");
        PullThroughCacheRule rule = session.ecr().pullThroughCacheRuleFor(Seed000.ACCOUNT, "docker-hub/library/nginx")
                .value().orElseThrow();
        assertThat(rule.upstreamRegistryUrl()).isEqualTo("registry-1.docker.io");
        assertThat(rule.credentialArn()).contains("ecr-pullthroughcache/hub");
        assertThat(session.ecr().pullThroughCacheRuleFor(Seed000.ACCOUNT, Seed000.REPO).value()).isEmpty();
        assertThat(session.ecr().pullThroughCacheRuleFor(Seed000.ACCOUNT, "docker-hubby/x").value()).isEmpty();
    }

    @Test
    void throttlingIsRetriedAndThenSucceeds() {
        try (AwsSession twoTries = stub.session(2)) {
            stub.server.stubFor(AwsStub.ecrCall("DescribeRepositories").inScenario("throttle")
                    .whenScenarioStateIs(STARTED).willSetStateTo("calm")
                    .willReturn(AwsStub.ecrErrorResponse("ThrottlingException", "Rate exceeded")));
            stub.server.stubFor(AwsStub.ecrCall("DescribeRepositories").inScenario("throttle")
                    .whenScenarioStateIs("calm")
                    .willReturn(aResponse().withStatus(200).withBody(Seed000.DESCRIBE_REPOSITORIES)));
            assertThat(twoTries.ecr().describeRepository(Seed000.ACCOUNT, Seed000.REPO).isOk()).isTrue();
        }
    }

    @Test
    void throttlingThatPersistsIsTyped() {
        stub.ecrError("DescribeRepositories", "ThrottlingException", "Rate exceeded");
        AwsProblem p = session.ecr().describeRepository(Seed000.ACCOUNT, Seed000.REPO).problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.THROTTLED);
        assertThat(p.isCredentialProblem()).isFalse();
    }

    @Test
    void expiredTokenIsATypedCredentialProblem() {
        stub.ecrError("DescribeRepositories", "ExpiredTokenException", "The security token included in the request is expired");
        AwsProblem p = session.ecr().describeRepository(Seed000.ACCOUNT, Seed000.REPO).problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.EXPIRED_TOKEN);
        assertThat(p.isCredentialProblem()).isTrue();
    }

    @Test
    void unknownKeyIsInvalidCredentials() {
        stub.ecrError("DescribeRepositories", "UnrecognizedClientException", "The security token included in the request is invalid.");
        assertThat(session.ecr().describeRepository(Seed000.ACCOUNT, Seed000.REPO).problem().orElseThrow().kind())
                .isEqualTo(AwsProblem.Kind.INVALID_CREDENTIALS);
    }

    @Test
    void setRepositoryPolicyReturnsTheStoredTextThroughTheWriterPort() {
        stub.ecrWhen("SetRepositoryPolicy", "\"policyText\"", Seed000.getRepositoryPolicy("{\"Version\":\"2012-10-17\"}"));
        EcrWriter writer = session.ecrWriter();
        assertThat(writer.setRepositoryPolicy(Seed000.ACCOUNT, Seed000.REPO, "{\"Version\":\"2012-10-17\"}").value())
                .isEqualTo("{\"Version\":\"2012-10-17\"}");
        assertThat(session.ecr()).isNotInstanceOf(EcrWriter.class);
    }

    @Test
    void unreachableEndpointIsTypedNotAStackTrace() {
        try (AwsSession dead = AwsSession.open(AwsStub.profiles(java.util.Map.of()), AwsSessionOptions.defaults()
                .withRegion("us-west-2").withEndpoint(java.net.URI.create("http://127.0.0.1:9")).withRetries(1, true))) {
            AwsProblem p = dead.ecr().describeRepository(Seed000.ACCOUNT, Seed000.REPO).problem().orElseThrow();
            assertThat(p.kind()).isEqualTo(AwsProblem.Kind.ENDPOINT_UNREACHABLE);
        }
    }
}
