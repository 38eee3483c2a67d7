package dev.pullfix.model.fix.kube;

import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.Target;
import java.util.List;
import java.util.Locale;

/**
 * A fix that edits the pod template of a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * CronJob) or, for a bare Pod, the pod itself. The state compared, backed up and diffed is the template
 * only, so status updates by controllers never count as "the target changed".
 */
public final class PodTemplatePlan implements FixPlan {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KubeObjects kube;
    private final ObjectRef ref;
    private final TemplateEdit edit;
    private final Message summary;
    private final List<String> commands;

    public PodTemplatePlan(KubeObjects kube, ObjectRef ref, TemplateEdit edit, String summary, List<String> commands) {
        this(kube, ref, edit, Message.of("fix", "error.detail", summary), commands);
    }

    private PodTemplatePlan(KubeObjects kube, ObjectRef ref, TemplateEdit edit, Message summary, List<String> commands) {
        this.kube = kube;
        this.ref = ref;
        this.edit = edit;
        this.summary = summary;
        this.commands = commands;
    }

    public static PodTemplatePlan setImage(KubeObjects kube, ObjectRef ref, String container, String image) {
        return new PodTemplatePlan(kube, ref, TemplateEdit.setImage(container, image),
                Message.of("fix", "plan.setImage", container, ref.kubectlName(), image),
                List.of("kubectl set image " + ref.kubectlName() + " " + container + "=" + image + " " + ref.kubectlScope()));
    }

    public static PodTemplatePlan addImagePullSecret(KubeObjects kube, ObjectRef ref, String secret) {
        String path = String.join("", templatePath(ref.kind()).stream().map(p -> "{\"" + p + "\":").toList());
        String close = "}".repeat(templatePath(ref.kind()).size());
        return new PodTemplatePlan(kube, ref, TemplateEdit.addImagePullSecret(secret),
                Message.of("fix", "plan.addImagePullSecret", secret, ref.kubectlName()),
                List.of("kubectl patch " + ref.kubectlName() + " " + ref.kubectlScope() + " --type strategic -p '"
                        + path + "{\"spec\":{\"imagePullSecrets\":[{\"name\":\"" + secret + "\"}]}}" + close + "'"));
    }

    public static PodTemplatePlan restart(KubeObjects kube, ObjectRef ref, java.time.Instant at) {
        return new PodTemplatePlan(kube, ref, TemplateEdit.restart(at), Message.of("fix", "plan.restart", ref.kubectlName()),
                List.of("kubectl rollout restart " + ref.kubectlName() + " " + ref.kubectlScope()));
    }

    static List<String> templatePath(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "cronjob" -> List.of("spec", "jobTemplate", "spec", "template");
            case "pod" -> List.of();
            default -> List.of("spec", "template");
        };
    }

    @Override
    public String kind() {
        return edit.kind();
    }

    @Override
    public Target target() {
        return ref.target();
    }

    @Override
    public String summary() {
        return Texts.english().render(summary);
    }

    @Override
    public Message summaryText() {
        return summary;
    }

    @Override
    public List<String> apiCalls() {
        return List.of("PATCH " + ref.apiVersion() + " " + ref.kind() + " (application/merge-patch+json)");
    }

    @Override
    public List<String> equivalentCommands() {
        return commands;
    }

    @Override
    public StateText readCurrent() throws FixException {
        JsonNode obj = kube.get(ref).orElseThrow(() -> new FixException(ref.kind() + " " + ref.name()
                + " was not found in namespace " + ref.namespace() + "."));
        return StateText.of(write(template(obj)));
    }

    @Override
    public StateText proposed(StateText current) throws FixException {
        return StateText.of(write(edit.apply(read(current))));
    }

    @Override
    public DryRun dryRun(StateText current, StateText proposed) {
        try {
            kube.mergePatch(ref, patch(current, proposed), true);
            return DryRun.passed("The API server accepted the patch (dryRun=All).");
        } catch (FixException e) {
            return DryRun.failed(e.getMessage());
        }
    }

    @Override
    public void apply(StateText current, StateText proposed) throws FixException {
        kube.mergePatch(ref, patch(current, proposed), false);
    }

    @Override
    public FixPlan restore(StateText before) {
        try {
            return new PodTemplatePlan(kube, ref, TemplateEdit.replaceWith(read(before), edit.kind()),
                    Message.of("fix", "plan.undoPodTemplate", ref.kubectlName()),
                    List.of("kubectl rollout undo " + ref.kubectlName() + " " + ref.kubectlScope()));
        } catch (FixException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private JsonNode patch(StateText current, StateText proposed) throws FixException {
        JsonNode diff = MergePatch.diff(read(current), read(proposed));
        List<String> path = templatePath(ref.kind());
        return path.isEmpty() ? diff : MergePatch.at(diff, path.toArray(String[]::new));
    }

    private JsonNode template(JsonNode obj) {
        JsonNode t = obj;
        for (String p : templatePath(ref.kind())) {
            t = t.path(p);
        }
        if (templatePath(ref.kind()).isEmpty()) {
            // a bare pod: the editable part is its spec (and its annotations)
            com.fasterxml.jackson.databind.node.ObjectNode pod = JSON.createObjectNode();
            JsonNode ann = obj.path("metadata").path("annotations");
            if (ann.isObject()) {
                pod.putObject("metadata").set("annotations", ann.deepCopy());
            }
            pod.set("spec", obj.path("spec").deepCopy());
            return pod;
        }
        return t;
    }

    private static JsonNode read(StateText s) throws FixException {
        try {
            return JSON.readTree(s.text().orElse("{}"));
        } catch (JsonProcessingException e) {
            throw new FixException("The stored state is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String write(JsonNode n) throws FixException {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new FixException(e.getOriginalMessage());
        }
    }
}
