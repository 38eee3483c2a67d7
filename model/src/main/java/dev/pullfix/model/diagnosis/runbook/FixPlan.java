package dev.pullfix.model.diagnosis.runbook;

import java.util.List;
import java.util.Map;

/**
 * A proposed fix, handed to the fix package's write path; the engine never writes.
 *
 * @param summary i18n key in bundle {@code diagnosis} (e.g. {@code fix.ecrPolicyEdit}) with {@code args}
 * @param target  what would change
 * @param details machine-readable parameters for the write path (e.g. {@code sid}, {@code policyArn}, {@code proposedPolicy})
 */
public record FixPlan(FixKind kind, String summary, List<String> args, Target target, Map<String, String> details) {
    public FixPlan {
        args = args == null ? List.of() : List.copyOf(args);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * @param kind      Deployment, Pod, Secret, ServiceAccount, EcrRepository, IamRole, VpcEndpoint, Node, ...
     * @param scope     namespace for Kubernetes objects, {@code account/region} for AWS ones
     */
    public record Target(String kind, String name, String scope) {
    }
}
