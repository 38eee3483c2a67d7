package dev.pullfix.model.diagnosis.runbook.port;

import java.util.List;

/**
 * @param roleArn the IRSA annotation {@code eks.amazonaws.com/role-arn}, or null
 */
public record ServiceAccountFacts(String namespace, String name, List<String> imagePullSecrets, String roleArn) {
    public ServiceAccountFacts {
        imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
    }
}
