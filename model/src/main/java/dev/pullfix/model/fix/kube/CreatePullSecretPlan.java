package dev.pullfix.model.fix.kube;

import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.Target;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Creates a {@code kubernetes.io/dockerconfigjson} Secret, as {@code kubectl create secret docker-registry}
 * does. The password lives in a char array and in the request body only: the state shown, diffed, backed up
 * and audited is the Secret without its data values. It refuses to overwrite an existing Secret.
 */
public final class CreatePullSecretPlan implements FixPlan {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KubeObjects kube;
    private final ObjectRef ref;
    private final String server;
    private final String username;
    private final char[] password;
    private final boolean delete;

    public CreatePullSecretPlan(KubeObjects kube, ObjectRef ref, String server, String username, char[] password) {
        this(kube, ref, server, username, password, false);
    }

    private CreatePullSecretPlan(KubeObjects kube, ObjectRef ref, String server, String username, char[] password,
                                 boolean delete) {
        this.kube = kube;
        this.ref = ref;
        this.server = server;
        this.username = username;
        this.password = password == null ? new char[0] : password.clone();
        this.delete = delete;
    }

    @Override
    public String kind() {
        return delete ? "DELETE_PULL_SECRET" : "CREATE_PULL_SECRET";
    }

    @Override
    public Target target() {
        return ref.target();
    }

    @Override
    public String summary() {
        return Texts.english().render(summaryText());
    }

    @Override
    public Message summaryText() {
        return delete ? Message.of("fix", "plan.deleteSecret", ref.name(), ref.namespace())
                : Message.of("fix", "plan.createSecret", ref.name(), server, username, ref.namespace());
    }

    @Override
    public List<String> apiCalls() {
        return List.of(delete ? "DELETE v1 Secret" : "POST v1 Secret");
    }

    @Override
    public List<String> equivalentCommands() {
        return delete ? List.of("kubectl delete secret " + ref.name() + " " + ref.kubectlScope())
                : List.of("kubectl create secret docker-registry " + ref.name() + " --docker-server=" + server
                + " --docker-username=" + username + " --docker-password='••••••' " + ref.kubectlScope());
    }

    @Override
    public StateText readCurrent() throws FixException {
        return kube.get(ref).map(s -> StateText.of(shape(s).toString())).orElse(StateText.absent());
    }

    @Override
    public StateText proposed(StateText current) throws FixException {
        if (delete) {
            return StateText.absent();
        }
        if (!current.isAbsent()) {
            throw new FixException("A Secret named " + ref.name() + " already exists in namespace " + ref.namespace()
                    + "; pick another name (Pullfix never overwrites a Secret).");
        }
        return StateText.of(shape(secret()).toString());
    }

    @Override
    public DryRun dryRun(StateText current, StateText proposed) {
        if (delete) {
            return DryRun.notOffered("delete is checked by reading the Secret back");
        }
        try {
            kube.create(ref, secret(), true);
            return DryRun.passed("The API server accepted the Secret (dryRun=All).");
        } catch (FixException e) {
            return DryRun.failed(e.getMessage());
        }
    }

    @Override
    public void apply(StateText current, StateText proposed) throws FixException {
        if (delete) {
            kube.delete(ref);
        } else {
            kube.create(ref, secret(), false);
        }
    }

    @Override
    public FixPlan restore(StateText before) {
        if (before.isAbsent()) {
            return new CreatePullSecretPlan(kube, ref, server, username, new char[0], true);
        }
        throw new IllegalStateException("Pullfix only creates Secrets; an existing Secret is never restored from a backup.");
    }

    @Override
    public List<String> secrets() {
        String p = new String(password);
        String auth = Base64.getEncoder().encodeToString((username + ":" + p).getBytes(StandardCharsets.UTF_8));
        return List.of(p, auth, Base64.getEncoder().encodeToString(dockerConfig().getBytes(StandardCharsets.UTF_8)));
    }

    /** Wipes the password from memory once the plan is done with. */
    public void forget() {
        Arrays.fill(password, '\0');
    }

    private String dockerConfig() {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("username", username);
        entry.put("password", new String(password));
        entry.put("auth", Base64.getEncoder().encodeToString((username + ":" + new String(password))
                .getBytes(StandardCharsets.UTF_8)));
        ObjectNode root = JSON.createObjectNode();
        root.putObject("auths").set(server, entry);
        return root.toString();
    }

    private JsonNode secret() {
        ObjectNode s = JSON.createObjectNode();
        s.put("apiVersion", "v1");
        s.put("kind", "Secret");
        s.putObject("metadata").put("name", ref.name()).put("namespace", ref.namespace());
        s.put("type", "kubernetes.io/dockerconfigjson");
        s.putObject("data").put(".dockerconfigjson",
                Base64.getEncoder().encodeToString(dockerConfig().getBytes(StandardCharsets.UTF_8)));
        return s;
    }

    /** What may be shown: name, namespace, type and the data keys, never the values. */
    private static JsonNode shape(JsonNode secret) {
        ObjectNode out = JSON.createObjectNode();
        out.put("name", secret.path("metadata").path("name").asText());
        out.put("namespace", secret.path("metadata").path("namespace").asText());
        out.put("type", secret.path("type").asText());
        ObjectNode data = out.putObject("data");
        secret.path("data").fieldNames().forEachRemaining(k -> data.put(k, "••••••"));
        return out;
    }
}
