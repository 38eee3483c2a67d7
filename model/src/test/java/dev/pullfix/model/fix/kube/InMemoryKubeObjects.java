package dev.pullfix.model.fix.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pullfix.model.fix.FixException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Objects in memory; patches applied as a server would, with a log of the calls. */
public final class InMemoryKubeObjects implements KubeObjects {
    public final Map<String, JsonNode> objects = new HashMap<>();
    public final List<String> calls = new ArrayList<>();
    public String rejectDryRunWith;

    public static String key(ObjectRef r) {
        return r.kind() + "/" + r.namespace() + "/" + r.name();
    }

    @Override
    public Optional<JsonNode> get(ObjectRef ref) {
        calls.add("get");
        return Optional.ofNullable(objects.get(key(ref))).map(JsonNode::deepCopy);
    }

    @Override
    public JsonNode mergePatch(ObjectRef ref, JsonNode patch, boolean dryRun) throws FixException {
        calls.add(dryRun ? "patch-dry-run " + patch : "patch " + patch);
        if (dryRun && rejectDryRunWith != null) {
            throw new FixException(rejectDryRunWith);
        }
        JsonNode after = MergePatch.apply(objects.get(key(ref)), patch);
        if (!dryRun) {
            objects.put(key(ref), after);
        }
        return after;
    }

    @Override
    public JsonNode create(ObjectRef ref, JsonNode object, boolean dryRun) {
        calls.add(dryRun ? "create-dry-run" : "create");
        if (!dryRun) {
            objects.put(key(ref), object.deepCopy());
        }
        return object;
    }

    @Override
    public void delete(ObjectRef ref) {
        calls.add("delete");
        objects.remove(key(ref));
    }
}
