package dev.pullfix.model.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.kube.KubeObjects;
import dev.pullfix.model.fix.kube.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.Optional;

/**
 * The write path's {@link KubeObjects} port over a fabric8 client (generic resources, so any kind the server
 * serves): get, JSON merge patch and create with server-side {@code dryRun=All}, delete. Errors become
 * {@link FixException}s with the API server's one-line message.
 */
public final class Fabric8KubeObjects implements KubeObjects {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KubernetesClient client;

    /** Writes through the connection's client (its context's credentials and deadlines). */
    public static Fabric8KubeObjects of(dev.pullfix.model.cluster.ClusterConnection connection) {
        return new Fabric8KubeObjects(connection.kubernetesClient());
    }

    public Fabric8KubeObjects(KubernetesClient client) {
        this.client = client;
    }

    private Resource<GenericKubernetesResource> resource(ObjectRef ref) {
        var ops = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
        return ref.namespace() == null ? ops.withName(ref.name()) : ops.inNamespace(ref.namespace()).withName(ref.name());
    }

    private static JsonNode tree(GenericKubernetesResource r) throws FixException {
        try {
            return JSON.readTree(Serialization.asJson(r));
        } catch (IOException e) {
            throw new FixException("cannot read the object the API server returned", e);
        }
    }

    private static FixException fail(String verb, ObjectRef ref, KubernetesClientException e) {
        String status = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        String line = status == null ? "error" : status.lines().findFirst().orElse(status);
        return new FixException(verb + " " + ref.kubectlName() + ": " + line, e);
    }

    @Override
    public Optional<JsonNode> get(ObjectRef ref) throws FixException {
        try {
            GenericKubernetesResource r = resource(ref).get();
            return r == null ? Optional.empty() : Optional.of(tree(r));
        } catch (KubernetesClientException e) {
            throw fail("get", ref, e);
        }
    }

    @Override
    public JsonNode mergePatch(ObjectRef ref, JsonNode patch, boolean dryRun) throws FixException {
        try {
            Resource<GenericKubernetesResource> r = resource(ref);
            var target = dryRun ? r.dryRun() : r;
            return tree(target.patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
        } catch (KubernetesClientException e) {
            throw fail("patch", ref, e);
        }
    }

    @Override
    public JsonNode create(ObjectRef ref, JsonNode object, boolean dryRun) throws FixException {
        try {
            GenericKubernetesResource body = Serialization.unmarshal(object.toString(), GenericKubernetesResource.class);
            var ops = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
            var scoped = ref.namespace() == null ? ops : ops.inNamespace(ref.namespace());
            var res = scoped.resource(body);
            return tree(dryRun ? res.dryRun().create() : res.create());
        } catch (KubernetesClientException e) {
            throw fail("create", ref, e);
        }
    }

    @Override
    public void delete(ObjectRef ref) throws FixException {
        try {
            resource(ref).delete();
        } catch (KubernetesClientException e) {
            throw fail("delete", ref, e);
        }
    }
}
