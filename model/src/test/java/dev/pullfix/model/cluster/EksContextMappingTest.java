package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EksContextMappingTest {

    @Test
    void readsClusterRegionAndProfileFromAwsEksGetTokenArgs() {
        var m = EksContextMapping.of("ctx", "c", "https://k8s.example.com", "aws",
                List.of("--region", "eu-west-1", "eks", "get-token", "--cluster-name", "shop", "--profile", "ops",
                        "--role-arn", "arn:aws:iam::123456789012:role/eks-admin"), Map.of());
        assertThat(m).contains(new EksContextMapping("shop", "eu-west-1", "ops",
                "arn:aws:iam::123456789012:role/eks-admin", null, EksContextMapping.Source.EXEC_ARGS));
    }

    @Test
    void readsAwsIamAuthenticatorArgsAndTheProfileFromTheExecEnv() {
        var m = EksContextMapping.of("ctx", "c", "https://ABC.yl4.ap-northeast-1.eks.amazonaws.com",
                "/usr/local/bin/aws-iam-authenticator", List.of("token", "-i", "tokyo-prod"),
                Map.of("AWS_PROFILE", "tokyo"));
        assertThat(m).contains(new EksContextMapping("tokyo-prod", "ap-northeast-1", "tokyo", null, null,
                EksContextMapping.Source.EXEC_ARGS));
    }

    @Test
    void acceptsClusterIdAndEqualsSyntax() {
        var m = EksContextMapping.of("ctx", "c", null, "aws",
                List.of("eks", "get-token", "--cluster-id=0123abcd", "--region=us-east-2"), Map.of("AWS_REGION", "x"));
        assertThat(m.orElseThrow().clusterName()).isEqualTo("0123abcd");
        assertThat(m.orElseThrow().region()).isEqualTo("us-east-2");
    }

    @Test
    void fallsBackToTheClusterArnForNameAndRegion() {
        var m = EksContextMapping.of("arn:aws:eks:us-west-2:682844965773:cluster/retail", "retail", null, null,
                List.of(), Map.of());
        assertThat(m).contains(new EksContextMapping("retail", "us-west-2", null, null, "682844965773",
                EksContextMapping.Source.CLUSTER_ARN));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://ABCDEF0123456789ABCDEF0123456789.gr7.us-west-2.eks.amazonaws.com, us-west-2",
            "https://0123456789ABCDEF.sk1.ap-northeast-1.eks.amazonaws.com:443, ap-northeast-1",
            "https://B2C3D4.yl4.cn-north-1.eks.amazonaws.com.cn, cn-north-1",
            "https://kubernetes.docker.internal:6443, ",
            "https://eks.amazonaws.com.evil.example.com, "})
    void knowsTheRegionOfAnEksEndpoint(String server, String region) {
        assertThat(EksContextMapping.regionOfServer(server)).isEqualTo(region);
    }

    @Test
    void isEmptyForAPlainCluster() {
        assertThat(EksContextMapping.of("kind-kind", "kind-kind", "https://127.0.0.1:6443", null, List.of(), Map.of()))
                .isEmpty();
    }
}
