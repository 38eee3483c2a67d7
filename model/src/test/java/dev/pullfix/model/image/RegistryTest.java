package dev.pullfix.model.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            docker.io                 | DOCKER_HUB
            index.docker.io           | DOCKER_HUB
            registry-1.docker.io      | DOCKER_HUB
            public.ecr.aws            | ECR_PUBLIC
            ghcr.io                   | GHCR
            gcr.io                    | GCR
            eu.gcr.io                 | GCR
            europe-west1-docker.pkg.dev | ARTIFACT_REGISTRY
            myregistry.azurecr.io     | ACR
            quay.io                   | QUAY
            registry.example.com:5000 | PRIVATE
            localhost:5000            | PRIVATE
            harbor.internal           | PRIVATE
            123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.com | PRIVATE
            12345.dkr.ecr.us-east-1.amazonaws.com | PRIVATE
            123456789012.dkr-ecr.us-east-1.amazonaws.com | PRIVATE
            """)
    void recognisesRegistriesByHost(String host, RegistryKind kind) {
        assertThat(Registry.recognise(host).kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is ECR account {1} in {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            682844965773.dkr.ecr.us-west-2.amazonaws.com         | 682844965773 | us-west-2      | aws        | false | false
            123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn     | 123456789012 | cn-north-1     | aws-cn     | false | false
            123456789012.dkr.ecr-fips.us-east-1.amazonaws.com    | 123456789012 | us-east-1      | aws        | true  | false
            123456789012.dkr.ecr.us-gov-west-1.amazonaws.com     | 123456789012 | us-gov-west-1  | aws-us-gov | false | false
            123456789012.dkr-ecr.eu-central-1.on.aws             | 123456789012 | eu-central-1   | aws        | false | true
            123456789012.dkr-ecr-fips.us-west-2.on.aws           | 123456789012 | us-west-2      | aws        | true  | true
            123456789012.dkr-ecr.cn-northwest-1.on.amazonwebservices.com.cn | 123456789012 | cn-northwest-1 | aws-cn | false | true
            123456789012.DKR.ECR.AP-NORTHEAST-1.AMAZONAWS.COM    | 123456789012 | ap-northeast-1 | aws        | false | false
            """)
    void readsAccountRegionAndPartitionFromPrivateEcrHosts(String host, String account, String region,
                                                           String partition, boolean fips, boolean dualStack) {
        Registry registry = Registry.recognise(host);
        assertThat(registry.kind()).isEqualTo(RegistryKind.ECR_PRIVATE);
        assertThat(registry.account()).isEqualTo(account);
        assertThat(registry.region()).isEqualTo(region);
        assertThat(registry.partition()).isEqualTo(partition);
        assertThat(registry.fips()).isEqualTo(fips);
        assertThat(registry.dualStack()).isEqualTo(dualStack);
    }

    @Test
    void buildsTheRepositoryArnInTheChinaPartition() {
        Registry registry = Registry.recognise("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn");
        assertThat(registry.ecrRepositoryArn("team/app"))
                .contains("arn:aws-cn:ecr:cn-north-1:123456789012:repository/team/app");
    }

    @Test
    void givesTheArtifactRegistryLocationAsRegion() {
        assertThat(Registry.recognise("asia-northeast1-docker.pkg.dev").region()).isEqualTo("asia-northeast1");
    }

    @Test
    void hasNoArnForOtherRegistries() {
        assertThat(Registry.recognise("ghcr.io").ecrRepositoryArn("a/b")).isEmpty();
        assertThat(Registry.recognise("ghcr.io").isEcrPrivate()).isFalse();
    }
}
