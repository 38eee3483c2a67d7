package dev.pullfix.model.diagnosis.checks;

import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.image.ImageReference;
import java.util.List;

/** The fixes the check families propose, built one way each from what the checks read. */
final class Proposals {
    private Proposals() {
    }

    static FixProposal restart(PodFacts p) {
        return FixProposal.RolloutRestart.of(p.owner(), p.namespace());
    }

    /**
     * A new pull secret for the image's registry; the pod's workload is to reference it unless the pod or its service
     * account already names it.
     */
    static FixProposal createSecret(Facts f, String name, ImageReference ref) throws CouldNotCheckException {
        PodFacts p = f.pod();
        boolean named = p.imagePullSecrets().contains(name)
                || f.serviceAccount().map(sa -> sa.imagePullSecrets().contains(name)).orElse(false);
        return FixProposal.CreatePullSecret.of(f.namespace(), name, ref, named ? null : p.owner());
    }

    static FixProposal addPullSecret(PodFacts p, String secret) {
        return FixProposal.AddImagePullSecret.of(p.owner(), p.namespace(), secret);
    }

    static FixProposal mirror(ImageReference ref) {
        return FixProposal.Manual.of(FixKind.MANUAL, new FixProposal.Target("Image", ref.familiar(), ref.domain()),
                "fix.mirrorToEcr", ref.familiar());
    }

    static FixProposal imageReferenceChange(ContainerFacts c, PodFacts p) {
        return FixProposal.ImageReferenceChange.of(p.owner(), p.namespace(), c.name(), c.image());
    }

    static FixProposal tagChange(Facts f, List<String> candidates) throws CouldNotCheckException {
        ContainerFacts c = f.container();
        PodFacts p = f.pod();
        return FixProposal.ImageTagChange.of(p.owner(), p.namespace(), c.name(), c.image(), candidates);
    }
}
