package dev.pullfix.model.aws;

import java.util.List;
import java.util.Map;

/** Port: IAM reads about roles, plus AWS's own simulator as an online cross-check. */
public interface IamGateway {

    /**
     * The role's attached managed policies (each default version's document, URL-decoded), inline policies and
     * permissions boundary. Accepts a role ARN, an assumed-role session ARN, or a role name.
     */
    AwsResult<RolePolicies> rolePolicies(String role);

    /** The instance profile by name or ARN, with its role ARNs. */
    AwsResult<InstanceProfileInfo> instanceProfile(String nameOrArn);

    /**
     * {@code iam:SimulatePrincipalPolicy} for the principal's identity policies (AWS accepts a resource policy
     * there only for IAM users as caller, so the joint verdict stays the local evaluator's job).
     *
     * @param context condition keys, e.g. {@code aws:SourceVpce -> [vpce-0abc]}
     */
    AwsResult<List<SimulationResult>> simulatePrincipalPolicy(String principalArn, List<String> actions,
                                                              List<String> resourceArns,
                                                              Map<String, List<String>> context);
}
