"""The official Kubernetes Python client against a Kubernetes API server (the Pullfix lab's in the tests).

argv[1]: kubeconfig. Lists (with paging), watches (resource versions, bookmarks), patches (JSON patch, merge patch,
strategic merge patch), dry-runs and reads a missing object in namespace "default"; prints one JSON object of what
it saw for the caller to assert. Run with Debian's python3 (python3-kubernetes).
"""
import json
import sys
import threading
import time

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

NS = "default"


def pod(name, labels=None):
    return {"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "namespace": NS, "labels": labels or {"app": "pycheck"}},
            "spec": {"containers": [{"name": "app", "image": "registry.example/app:1"}]}}


def main():
    config.load_kube_config(config_file=sys.argv[1])
    v1 = client.CoreV1Api()
    out = {"clientVersion": __import__("kubernetes").__version__}

    # list, then page through with limit/continue
    full = v1.list_namespaced_pod(NS)
    out["listCount"] = len(full.items)
    out["listResourceVersion"] = full.metadata.resource_version
    names, cont, pages = [], None, 0
    while True:
        page = v1.list_namespaced_pod(NS, limit=2, _continue=cont)
        pages += 1
        names += [p.metadata.name for p in page.items]
        cont = page.metadata._continue
        if not cont:
            break
    out["pagedNames"] = names
    out["pages"] = pages
    out["allNamespacesCount"] = len(v1.list_pod_for_all_namespaces().items)

    # create, then watch from the list's resource version while another thread patches
    created = v1.create_namespaced_pod(NS, pod("pycheck-1"))
    out["createdResourceVersion"] = created.metadata.resource_version

    def later():
        time.sleep(1.0)
        v1.patch_namespaced_pod("pycheck-1", NS, {"metadata": {"labels": {"step": "merged"}}})
    t = threading.Thread(target=later)
    t.start()
    events = []
    w = watch.Watch()
    for e in w.stream(v1.list_namespaced_pod, NS, resource_version=out["listResourceVersion"],
                      allow_watch_bookmarks=True, timeout_seconds=20, label_selector="app=pycheck"):
        obj = e["object"]
        if e["type"] == "BOOKMARK":
            rv = obj["metadata"]["resourceVersion"] if isinstance(obj, dict) else obj.metadata.resource_version
            events.append({"type": "BOOKMARK", "rv": rv})
        else:
            events.append({"type": e["type"], "name": obj.metadata.name, "rv": obj.metadata.resource_version,
                           "labels": obj.metadata.labels})
        if any(x["type"] == "MODIFIED" for x in events) and any(x["type"] == "BOOKMARK" for x in events):
            w.stop()
    t.join()
    out["watchEvents"] = events
    out["watchResourceVersion"] = w.resource_version

    # patches: JSON patch (list body), merge patch (dict body), strategic merge patch (explicit content type)
    p1 = v1.patch_namespaced_pod("pycheck-1", NS, [{"op": "add", "path": "/metadata/labels/json", "value": "patched"}])
    out["jsonPatchLabels"] = p1.metadata.labels
    p2 = v1.patch_namespaced_pod("pycheck-1", NS, {"metadata": {"annotations": {"pullfix.dev/checked": "yes"}}})
    out["mergePatchAnnotations"] = p2.metadata.annotations
    p3 = v1.api_client.call_api(
        "/api/v1/namespaces/{namespace}/pods/{name}", "PATCH", {"namespace": NS, "name": "pycheck-1"}, [],
        {"Content-Type": "application/strategic-merge-patch+json", "Accept": "application/json"},
        body={"spec": {"containers": [{"name": "app", "image": "registry.example/app:2"}]}},
        response_type="V1Pod", auth_settings=["BearerToken"], _return_http_data_only=True)
    out["strategicImages"] = [c.image for c in p3.spec.containers]

    # dry runs write nothing
    dry = v1.create_namespaced_pod(NS, pod("pycheck-dry"), dry_run="All")
    out["dryRunCreateName"] = dry.metadata.name
    dry_patch = v1.patch_namespaced_pod("pycheck-1", NS, {"metadata": {"labels": {"dry": "yes"}}}, dry_run="All")
    out["dryRunPatchLabels"] = dry_patch.metadata.labels
    out["afterDryRunLabels"] = v1.read_namespaced_pod("pycheck-1", NS).metadata.labels
    try:
        v1.read_namespaced_pod("pycheck-dry", NS)
        out["dryRunCreated"] = True
    except ApiException as e:
        out["dryRunCreated"] = False
        out["missingStatus"] = e.status
        out["missingReason"] = json.loads(e.body).get("reason")

    # invalid dry-run value: the server's error shape
    try:
        v1.create_namespaced_pod(NS, pod("pycheck-bad"), dry_run="Sometimes")
        out["badDryRunStatus"] = None
    except ApiException as e:
        out["badDryRunStatus"] = e.status

    v1.delete_namespaced_pod("pycheck-1", NS)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
