package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one pod, as {@code kubectl describe pod} lists them: core/v1 events selected by
 * {@code involvedObject}, plus events.k8s.io/v1 events selected by {@code regarding} (the same objects seen
 * through the newer API, deduplicated by uid; the newer API fills gaps where a cluster only serves one),
 * oldest first, newest last.
 */
public final class PodEvents {

    private static final int PAGE = 500;

    /** The pod's events; throws POD_NOT_FOUND when neither the pod nor any event exists. */
    public List<PodEvent> load(ClusterConnection conn, String namespace, String podName) {
        KubeHttp http = new KubeHttp(conn);
        PodFields pod;
        try {
            pod = http.get(KubeHttp.path("v1", namespace, "pods") + "/" + KubeHttp.encode(podName), PodJson::read);
        } catch (RuntimeException e) {
            throw conn.error(e, "get", "pods", namespace);
        }
        String uid = pod == null ? null : pod.uid;
        Map<String, PodEvent> byKey = new LinkedHashMap<>();
        RuntimeException coreFailure = null;
        try {
            http.list(KubeHttp.path("v1", namespace, "events"), PAGE, "involvedObject.name=" + podName
                    + ",involvedObject.namespace=" + namespace + ",involvedObject.kind=Pod"
                    + (uid == null ? "" : ",involvedObject.uid=" + uid), p -> {
                        EventJson.Fields e = EventJson.read(p);
                        if (about(e, podName, uid)) {
                            add(byKey, build(e));
                        }
                    }, () -> false);
        } catch (RuntimeException e) {
            coreFailure = e;
        }
        try {
            http.list(KubeHttp.path("events.k8s.io/v1", namespace, "events"), PAGE,
                    "regarding.name=" + podName + ",regarding.kind=Pod", p -> {
                        EventJson.Fields e = EventJson.read(p);
                        if (about(e, podName, uid)) {
                            add(byKey, build(e));
                        }
                    }, () -> false);
        } catch (KubernetesClientException e) {
            if (coreFailure != null) {
                throw conn.error(coreFailure, "list", "events", namespace);
            }
        }
        if (coreFailure != null && byKey.isEmpty()) {
            throw conn.error(coreFailure, "list", "events", namespace);
        }
        if (pod == null && byKey.isEmpty()) {
            throw ClusterError.of(ClusterError.Code.POD_NOT_FOUND, namespace, podName);
        }
        List<PodEvent> out = new ArrayList<>(new java.util.LinkedHashSet<>(byKey.values()));
        out.sort(Comparator.comparing(PodEvent::sortTime, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /** The server filters by field selector; a server (or proxy) that ignores it is filtered here again. */
    private static boolean about(EventJson.Fields e, String podName, String uid) {
        return podName.equals(e.objectName()) && (e.objectKind() == null || "Pod".equals(e.objectKind()))
                && (uid == null || e.objectUid() == null || uid.equals(e.objectUid()));
    }

    /**
     * Every core/v1 event of a namespace (or all, {@code namespace == null}), each with what it is about, decoded as
     * the pages stream in. Failures are fabric8's {@code KubernetesClientException}s (with the HTTP code), as a
     * fabric8 list throws them.
     */
    public static void forEach(ClusterConnection conn, String namespace, int pageSize, EventSink sink) {
        new KubeHttp(conn).list(KubeHttp.path("v1", namespace, "events"), pageSize, null, p -> {
            EventJson.Fields e = EventJson.read(p);
            if (e.objectName() != null) {
                sink.accept(e.namespace(), e.objectKind(), e.objectName(), build(e));
            }
        }, () -> false);
    }

    /** Receives events with the namespace of the event and the kind and name of their object. */
    public interface EventSink {
        void accept(String namespace, String objectKind, String objectName, PodEvent event);
    }

    /** The same object seen through both APIs shares its uid, and always its reason, text and first time. */
    private static void add(Map<String, PodEvent> byKey, PodEvent e) {
        String content = e.reason() + "\u0000" + e.message() + "\u0000"
                + (e.first() == null ? "" : e.first().getEpochSecond());
        if ((e.uid() != null && byKey.containsKey("uid:" + e.uid())) || byKey.containsKey(content)) {
            return;
        }
        byKey.put(content, e);
        if (e.uid() != null) {
            byKey.put("uid:" + e.uid(), e);
        }
    }

    /** An event of either API as describe shows it (series count and last-observed time win over the legacy fields). */
    static PodEvent build(EventJson.Fields e) {
        return build(e.type(), e.reason(), PodInfos.parseTime(e.eventTime()), e.firstTimestamp(), e.series(),
                PodInfos.parseTime(e.seriesLast()), e.seriesCount(), e.lastTimestamp(), e.count(), e.sourceComponent(),
                e.reporting(), e.message(), e.uid());
    }

    /** The two event APIs carry the same facts under different names; one place turns them into a row. */
    private static PodEvent build(String type, String reason, Instant eventTime, String firstTimestamp, boolean series,
                                  Instant seriesLast, Integer seriesCount, String lastTimestamp, Integer legacyCount,
                                  String sourceComponent, String reporting, String message, String uid) {
        Instant first = eventTime != null ? eventTime : PodInfos.parseTime(firstTimestamp);
        Instant last = series ? seriesLast : PodInfos.parseTime(lastTimestamp);
        Integer c = series ? seriesCount : legacyCount;
        int count = c == null ? 1 : c;
        if (first == null) {
            first = last;
        }
        if (last == null) {
            last = first;
        }
        String from = sourceComponent != null && !sourceComponent.isEmpty() ? sourceComponent : reporting;
        return new PodEvent(type, reason, from == null ? "" : from, message == null ? "" : message.strip(),
                Math.max(count, 1), first, last, series, uid);
    }

}
