package dev.pullfix.model.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.aws.PullNetwork.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullNetworkTest {
    static final String FULL = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    static VpcEndpointInfo ep(String id, String suffix, String type, boolean dns, String policy) {
        return new VpcEndpointInfo(id, "com.amazonaws.us-west-2." + suffix, type, "available", "vpc-1", policy, dns,
                List.of(), List.of(), List.of());
    }

    @Test
    void noEcrEndpointsMeansTheInternetPath() {
        PullNetwork n = PullNetwork.analyze("vpc-1", "us-west-2", List.of());
        assertThat(n.viaEndpoints()).isFalse();
        assertThat(n.findings()).extracting(Finding::code).containsExactly("aws.net.noEcrEndpoints");
    }

    @Test
    void completeSetupWithDefaultPoliciesHasNoProblems() {
        PullNetwork n = PullNetwork.analyze("vpc-1", "us-west-2", List.of(ep("a", "ecr.api", "Interface", true, FULL),
                ep("d", "ecr.dkr", "Interface", true, FULL), ep("s", "s3", "Gateway", false, FULL)));
        assertThat(n.viaEndpoints()).isTrue();
        assertThat(n.findings()).isEmpty();
    }

    @Test
    void dkrWithoutApiAndWithoutS3GatewayAreProblems() {
        PullNetwork n = PullNetwork.analyze("vpc-1", "us-west-2", List.of(ep("d", "ecr.dkr", "Interface", true, FULL)));
        assertThat(n.findings()).extracting(Finding::code).containsExactly("aws.net.missingEndpoint",
                "aws.net.missingS3Gateway");
        assertThat(n.findings().get(0).args()).containsExactly("com.amazonaws.us-west-2.ecr.api", "vpc-1");
    }

    @Test
    void privateDnsOffAndCustomPoliciesAreReported() {
        PullNetwork n = PullNetwork.analyze("vpc-1", "us-west-2", List.of(ep("a", "ecr.api", "Interface", false, FULL),
                ep("d", "ecr.dkr", "Interface", true, "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                        + "\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}]}"),
                ep("s", "s3", "Gateway", false, FULL)));
        assertThat(n.findings()).extracting(Finding::code).containsExactly("aws.net.privateDnsDisabled",
                "aws.net.endpointPolicy");
    }

    @Test
    void recognisesTheDefaultPolicyInEitherKeyOrder() {
        assertThat(PullNetwork.isFullAccess(FULL)).isTrue();
        assertThat(PullNetwork.isFullAccess("{\n \"Statement\": [ { \"Action\": \"*\", \"Effect\": \"Allow\", "
                + "\"Principal\": \"*\", \"Resource\": \"*\" } ]\n}")).isTrue();
        assertThat(PullNetwork.isFullAccess("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"ecr:*\",\"Resource\":\"*\"}]}")).isFalse();
    }
}
