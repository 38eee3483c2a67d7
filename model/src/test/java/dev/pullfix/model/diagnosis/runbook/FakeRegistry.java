package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import dev.pullfix.model.diagnosis.runbook.port.RegistryPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Canned registry answers by image text. */
public final class FakeRegistry implements RegistryPort {
    public final Map<String, ManifestProbe> answers = new HashMap<>();

    public FakeRegistry answer(String image, ManifestProbe probe) {
        answers.put(image, probe);
        return this;
    }

    @Override
    public ManifestProbe probe(String image, String namespace, List<String> pullSecretNames) {
        ManifestProbe p = answers.get(image);
        if (p == null) {
            return new ManifestProbe(ManifestProbe.Status.ERROR, 0, false, null, null, "no canned answer");
        }
        return p;
    }
}
