package dev.pullfix.model.fix.proof;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.registry.ImageCheckResult;
import dev.pullfix.model.registry.Platform;
import java.util.List;

/** Asks where an image lives whether the kubelet could pull it: the registry for most, the ECR API for private ECR. */
public interface ImageVerifier {
    /**
     * @param image            the image as it would be written into the pod spec
     * @param namespace        where the pod's pull secrets are
     * @param pullSecretNames  the pod's imagePullSecrets
     * @param node             the node's platform, or null to skip the platform check
     */
    ImageCheckResult verify(String image, String namespace, List<String> pullSecretNames, Platform node)
            throws CouldNotCheckException;
}
