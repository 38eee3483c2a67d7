package dev.pullfix.model.fix.kube;

import dev.pullfix.model.fix.Target;

/** A Kubernetes object addressed by context, apiVersion, kind, namespace (null for cluster-scoped) and name. */
public record ObjectRef(String context, String apiVersion, String kind, String namespace, String name) {

    public Target target() {
        return Target.kubernetes(context, namespace, kind, name);
    }

    /** The kubectl resource name used in equivalent commands, e.g. {@code deployment/ui-private}. */
    public String kubectlName() {
        return kind.toLowerCase(java.util.Locale.ROOT) + "/" + name;
    }

    public String kubectlScope() {
        return (context == null ? "" : "--context " + context + " ") + (namespace == null ? "" : "-n " + namespace);
    }
}
