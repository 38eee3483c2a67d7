package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Pod;
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
        var client = conn.kubernetesClient();
        Pod pod;
        try {
            pod = client.pods().inNamespace(namespace).withName(podName).get();
        } catch (RuntimeException e) {
            throw conn.error(e, "get", "pods", namespace);
        }
        String uid = pod == null ? null : pod.getMetadata().getUid();
        Map<String, PodEvent> byKey = new LinkedHashMap<>();
        RuntimeException coreFailure = null;
        try {
            String cont = null;
            do {
                ListOptions o = new ListOptionsBuilder().withLimit((long) PAGE).withContinue(cont)
                        .withFieldSelector("involvedObject.name=" + podName + ",involvedObject.namespace=" + namespace
                                + ",involvedObject.kind=Pod" + (uid == null ? "" : ",involvedObject.uid=" + uid))
                        .build();
                var page = client.v1().events().inNamespace(namespace).list(o);
                for (Event e : page.getItems()) {
                    var io = e.getInvolvedObject();
                    if (io == null || !podName.equals(io.getName()) || (io.getKind() != null && !"Pod".equals(io.getKind()))
                            || (uid != null && io.getUid() != null && !uid.equals(io.getUid()))) {
                        continue;
                    }
                    add(byKey, fromCore(e));
                }
                cont = page.getMetadata() == null || page.getMetadata().getContinue() == null
                        || page.getMetadata().getContinue().isEmpty() ? null : page.getMetadata().getContinue();
            } while (cont != null);
        } catch (RuntimeException e) {
            coreFailure = e;
        }
        try {
            ListOptions o = new ListOptionsBuilder().withLimit((long) PAGE)
                    .withFieldSelector("regarding.name=" + podName + ",regarding.kind=Pod").build();
            var page = client.events().v1().events().inNamespace(namespace).list(o);
            for (io.fabric8.kubernetes.api.model.events.v1.Event e : page.getItems()) {
                var r = e.getRegarding();
                if (r == null || !podName.equals(r.getName()) || (r.getKind() != null && !"Pod".equals(r.getKind()))
                        || (uid != null && r.getUid() != null && !uid.equals(r.getUid()))) {
                    continue;
                }
                add(byKey, fromEventsV1(e));
            }
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

    /** A core/v1 Event as describe shows it (series count and last-observed time win over the legacy fields). */
    public static PodEvent fromCore(Event e) {
        var series = e.getSeries();
        return build(e.getType(), e.getReason(), micro(e.getEventTime()), e.getFirstTimestamp(), series != null,
                series == null ? null : micro(series.getLastObservedTime()), series == null ? null : series.getCount(),
                e.getLastTimestamp(), e.getCount(), e.getSource() == null ? null : e.getSource().getComponent(),
                e.getReportingComponent(), e.getMessage(), e.getMetadata() == null ? null : e.getMetadata().getUid());
    }

    static PodEvent fromEventsV1(io.fabric8.kubernetes.api.model.events.v1.Event e) {
        var series = e.getSeries();
        return build(e.getType(), e.getReason(), micro(e.getEventTime()), e.getDeprecatedFirstTimestamp(), series != null,
                series == null ? null : micro(series.getLastObservedTime()), series == null ? null : series.getCount(),
                e.getDeprecatedLastTimestamp(), e.getDeprecatedCount(),
                e.getDeprecatedSource() == null ? null : e.getDeprecatedSource().getComponent(), e.getReportingController(),
                e.getNote(), e.getMetadata() == null ? null : e.getMetadata().getUid());
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

    private static Instant micro(MicroTime t) {
        return t == null ? null : PodInfos.parseTime(t.getTime());
    }
}
