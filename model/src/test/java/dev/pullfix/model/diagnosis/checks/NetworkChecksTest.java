package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.runbook.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Scenarios;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.VpcEndpointFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The network family: the node's path out, the ECR/S3 VPC endpoints and their policies. */
class NetworkChecksTest {

    @Test
    void registersTheNetworkChecksAndTheNodeShellStep() {
        CheckRegistry r = new CheckRegistry();
        NetworkChecks.register(r);
        assertThat(r.ids()).containsExactly("aws.node-network", "aws.vpc-endpoints", "aws.vpc-endpoint-policy",
                "manual.node-shell");
    }

    @Test
    void aPrivateSubnetWithoutARouteCannotReachDockerHub() {
        CheckOutcome o = run("aws.node-network", Scenarios.registryTimeout());

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().code()).isEqualTo("nodeNoRouteToRegistry");
        assertThat(o.finding().args()).containsExactly("subnet-0private9", "docker.io");
        assertThat(o.fixes()).extracting(f -> f.summary().key()).containsExactly("fix.addNatRoute");
    }

    @Test
    void theDkrEndpointPolicyDenyingBatchGetImageIsFoundWithItsStatement() {
        CheckOutcome o = run("aws.vpc-endpoint-policy", Scenarios.vpcEndpointPolicyDenies());

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().args()).containsExactly("vpce-0dkr", "ecr:BatchGetImage", "DenyImagePulls");
        assertThat(o.fixes()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FixKind.VPC_ENDPOINT_POLICY_EDIT);
            FixProposal.VpcEndpointPolicyEdit edit = (FixProposal.VpcEndpointPolicyEdit) f;
            assertThat(edit.vpcId()).isEqualTo("vpc-0edge");
            assertThat(edit.endpointId()).isEqualTo("vpce-0dkr");
            assertThat(edit.action()).isEqualTo("ecr:BatchGetImage");
            assertThat(edit.account()).isEqualTo(Scenarios.SHOP_ACCOUNT);
        });
        assertThat(o.evidence().get(0).rows()).extracting(r -> r.get(2)).containsExactly("ecr:GetAuthorizationToken",
                "ecr:BatchGetImage");
    }

    @Test
    void theS3GatewayEndpointIsAskedForTheRegionsLayerBucket() {
        Scenarios.World w = Scenarios.vpcEndpointPolicyDenies();
        String full = "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}";
        String s3Only = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*\"}]}";
        w.aws().endpoints.put("vpc-0edge", List.of(
                new VpcEndpointFacts("vpce-0api", "com.amazonaws.eu-west-1.ecr.api", "Interface", "available", true, full),
                new VpcEndpointFacts("vpce-0dkr", "com.amazonaws.eu-west-1.ecr.dkr", "Interface", "available", true, full),
                new VpcEndpointFacts("vpce-0s3", "com.amazonaws.eu-west-1.s3", "Gateway", "available", false, s3Only)));

        CheckOutcome o = run("aws.vpc-endpoint-policy", w);

        assertThat(o.verdict()).isEqualTo(Verdict.OK);
        assertThat(o.evidence().get(0).rows()).extracting(r -> r.get(0) + " " + r.get(2) + " " + r.get(3)).containsExactly(
                "vpce-0api ecr:GetAuthorizationToken ALLOW", "vpce-0dkr ecr:BatchGetImage ALLOW",
                "vpce-0dkr ecr:GetDownloadUrlForLayer ALLOW", "vpce-0s3 s3:GetObject ALLOW");
    }

    @Test
    void allThreeEndpointsPresentInAPrivateSubnetIsAPathToEcr() {
        CheckOutcome o = run("aws.vpc-endpoints", Scenarios.vpcEndpointPolicyDenies());

        assertThat(o.verdict()).isEqualTo(Verdict.OK);
        assertThat(o.finding().code()).isEqualTo("vpcEndpointsPresent");
    }

    @Test
    void whatOnlyTheNodeCanAnswerIsSaidSo() {
        CheckOutcome o = run("manual.node-shell", Scenarios.registryTimeout());

        assertThat(o.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(o.reason()).isEqualTo(CouldNotCheckException.Reason.NEEDS_NODE_SHELL);
    }
}
