package dev.pullfix.model.aws;

/** Port: the only IAM writes (attach/detach a managed policy on a role). Called by the fix write path alone. */
public interface IamWriter {

    AwsResult<Boolean> attachRolePolicy(String roleName, String policyArn);

    AwsResult<Boolean> detachRolePolicy(String roleName, String policyArn);
}
