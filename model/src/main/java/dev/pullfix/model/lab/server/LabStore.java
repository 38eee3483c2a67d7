package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The lab API server's indexed store: per resource, namespace/name → {@link StoredObject} (pre-serialised JSON
 * with its labels, field values and Table cells) in a sorted map, one global resourceVersion counter and a
 * bounded ring of recent changes that watches read from (a watch older than the ring gets 410 Gone).
 *
 * <p>Reads are lock-free; writes are serialised. The write methods follow the real API server's rules
 * (uid, creationTimestamp, generateName, 409 on conflicts, generation, the status subresource, dry-run);
 * {@link #put} is the simulation's back door (kubelet/controller): create-or-replace with no checks.
 * Thread-safe.
 */
public final class LabStore {
    private static final System.Logger LOG = System.getLogger(LabStore.class.getName());
    private static final char[] GEN_CHARS = "bcdfghjklmnpqrstvwxz2456789".toCharArray();

    private final Map<ResourceType, ConcurrentSkipListMap<String, StoredObject>> maps = new IdentityHashMap<>();
    private final Object writeLock = new Object();
    private final Change[] ring;
    private volatile long head;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final ExecutorService listenerThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lab-store-listeners");
        t.setDaemon(true);
        return t;
    });

    /** Something that is told (without blocking) that changes after its cursor exist. */
    interface Subscriber {
        void signal();
    }

    LabStore(int changeWindow, Clock clock) {
        for (ResourceType t : ResourceTypes.ALL_TYPES) {
            maps.put(t, new ConcurrentSkipListMap<>());
        }
        this.ring = new Change[Math.max(16, changeWindow)];
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reads

    /** The current (latest committed) resourceVersion. */
    public long resourceVersion() {
        return head;
    }

    public Optional<StoredObject> get(ResourceType type, String namespace, String name) {
        return Optional.ofNullable(maps.get(type).get(StoredObject.key(type.namespaced() ? namespace : null, name)));
    }

    /** Number of stored objects of one resource. */
    public int count(ResourceType type) {
        return maps.get(type).size();
    }

    /**
     * Objects of one resource in key order (namespace/name), optionally in one namespace, optionally
     * matching a label selector; a snapshot-free, weakly consistent scan.
     */
    public List<StoredObject> list(ResourceType type, String namespace, String labelSelector) {
        Predicate<StoredObject> p = Selectors.labels(labelSelector);
        List<StoredObject> out = new ArrayList<>();
        scan(type, namespace, null).forEachRemaining(o -> {
            if (p.test(o)) {
                out.add(o);
            }
        });
        return out;
    }

    /** Iterates in key order, from after {@code afterKey} (exclusive) when given. */
    Iterator<StoredObject> scan(ResourceType type, String namespace, String afterKey) {
        ConcurrentNavigableMap<String, StoredObject> m = maps.get(type);
        if (namespace != null && type.namespaced()) {
            m = m.subMap(namespace + "/", true, namespace + "0", false);
        }
        if (afterKey != null) {
            m = m.tailMap(afterKey, false);
        }
        return m.values().iterator();
    }

    // ---------------------------------------------------------------- writes with API semantics

    /** POST: creates, as a real API server does. {@code namespace} is the one from the URL (ignored if cluster-scoped). */
    public StoredObject create(ResourceType type, String namespace, ObjectNode body, boolean dryRun) {
        Admission.checkKind(type, body);
        ObjectNode meta = Json.obj(body, "metadata");
        String ns = null;
        if (type.namespaced()) {
            String bodyNs = meta.path("namespace").asText("");
            ns = namespace == null || namespace.isEmpty() ? bodyNs : namespace;
            if (!bodyNs.isEmpty() && !bodyNs.equals(ns)) {
                throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            if (ns.isEmpty()) {
                ns = "default";
            }
            meta.put("namespace", ns);
        } else {
            meta.remove("namespace");
        }
        String name = meta.path("name").asText("");
        if (name.isEmpty()) {
            String gen = meta.path("generateName").asText("");
            if (gen.isEmpty()) {
                throw ApiException.invalid(type, "", "metadata.name: Required value: name or generateName is required");
            }
            StringBuilder sb = new StringBuilder(gen);
            for (int i = 0; i < 5; i++) {
                sb.append(GEN_CHARS[ThreadLocalRandom.current().nextInt(GEN_CHARS.length)]);
            }
            name = sb.toString();
            meta.put("name", name);
        }
        Admission.validate(type, name, body);
        if (ns != null && maps.get(ResourceTypes.NAMESPACES).get(ns) == null) {
            throw ApiException.notFound(ResourceTypes.NAMESPACES, ns);
        }
        meta.remove("deletionTimestamp");
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", Json.time(clock.instant()));
        if (type.hasGeneration()) {
            meta.put("generation", 1);
        }
        Admission.defaults(type, body);
        synchronized (writeLock) {
            String key = StoredObject.key(ns, name);
            if (maps.get(type).containsKey(key)) {
                throw ApiException.alreadyExists(type, name);
            }
            if (dryRun) {
                meta.remove("resourceVersion");
                return StoredObject.of(type, body);
            }
            return commit(type, key, body, null);
        }
    }

    /** PUT: replaces, with optimistic concurrency on metadata.resourceVersion when the body carries one. */
    public StoredObject update(ResourceType type, String namespace, String name, ObjectNode body, boolean statusOnly,
                               boolean dryRun) {
        Admission.checkKind(type, body);
        String bodyName = Json.str(body, "metadata", "name");
        if (bodyName != null && !bodyName.equals(name)) {
            throw ApiException.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL (" + name + ")");
        }
        synchronized (writeLock) {
            StoredObject existing = require(type, namespace, name);
            String rv = Json.str(body, "metadata", "resourceVersion");
            if (rv != null && !rv.isEmpty() && StoredObject.parseRv(rv) != existing.resourceVersion()) {
                throw ApiException.conflict(type, name);
            }
            ObjectNode old = existing.toJson();
            ObjectNode next;
            if (statusOnly) {
                next = old.deepCopy();
                copyStatus(body, next);
            } else {
                next = body;
                if (type.hasStatus()) {
                    copyStatus(old, next);
                }
            }
            return replaceChecked(type, existing, old, next, dryRun);
        }
    }

    /** PATCH (merge, strategic merge or JSON patch), on the object or on its status subresource. */
    public StoredObject patch(ResourceType type, String namespace, String name, Patches.Type patchType, JsonNode patch,
                              boolean statusOnly, boolean dryRun) {
        synchronized (writeLock) {
            StoredObject existing = require(type, namespace, name);
            ObjectNode old = existing.toJson();
            ObjectNode patched = Patches.apply(patchType, old, patch);
            String rv = Json.str(patched, "metadata", "resourceVersion");
            if (rv != null && !rv.isEmpty() && StoredObject.parseRv(rv) != existing.resourceVersion()) {
                throw ApiException.conflict(type, name);
            }
            ObjectNode next;
            if (statusOnly) {
                next = old.deepCopy();
                copyStatus(patched, next);
            } else {
                next = patched;
                if (type.hasStatus()) {
                    copyStatus(old, next);
                }
            }
            return replaceChecked(type, existing, old, next, dryRun);
        }
    }

    /**
     * DELETE: removes the object (immediately: no graceful termination, no finalizers) and returns its last
     * state. Deleting a namespace deletes everything in it.
     */
    public StoredObject delete(ResourceType type, String namespace, String name, String preconditionUid,
                               String preconditionRv, boolean dryRun) {
        synchronized (writeLock) {
            StoredObject existing = require(type, namespace, name);
            ObjectNode node = existing.toJson();
            if (preconditionUid != null && !preconditionUid.equals(Json.str(node, "metadata", "uid"))) {
                throw new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + type.qualified() + " \"" + name
                        + "\": Precondition failed: UID in precondition: " + preconditionUid + ", UID in object meta: "
                        + Json.str(node, "metadata", "uid"), name, type.group(), type.plural());
            }
            if (preconditionRv != null && StoredObject.parseRv(preconditionRv) != existing.resourceVersion()) {
                throw ApiException.conflict(type, name);
            }
            if (dryRun) {
                return existing;
            }
            if (type == ResourceTypes.NAMESPACES) {
                for (ResourceType t : ResourceTypes.ALL_TYPES) {
                    if (t.namespaced()) {
                        for (StoredObject o : maps.get(t).subMap(name + "/", true, name + "0", false).values()) {
                            remove(t, o);
                        }
                    }
                }
            }
            return remove(type, existing);
        }
    }

    // ---------------------------------------------------------------- simulation back door

    /**
     * Creates or replaces an object as given (uid, creationTimestamp, status kept; missing ones filled in),
     * without validation or conflict checks. This is how the simulated kubelet and controllers write.
     */
    public StoredObject put(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        ResourceType type = ResourceTypes.byKind(apiVersion, kind)
                .orElseThrow(() -> new IllegalArgumentException("the lab API server does not serve " + apiVersion + " " + kind));
        if (type == ResourceTypes.EVENTS_V1) {
            return put(EventsV1.toCore(object));
        }
        ObjectNode meta = Json.obj(object, "metadata");
        String ns = type.namespaced() ? meta.path("namespace").asText("default") : null;
        if (ns != null) {
            meta.put("namespace", ns);
        }
        String name = meta.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("metadata.name is required");
        }
        if (!meta.hasNonNull("uid")) {
            meta.put("uid", UUID.randomUUID().toString());
        }
        if (!meta.hasNonNull("creationTimestamp")) {
            meta.put("creationTimestamp", Json.time(clock.instant()));
        }
        if (type.hasGeneration() && !meta.has("generation")) {
            meta.put("generation", 1);
        }
        synchronized (writeLock) {
            String key = StoredObject.key(ns, name);
            return commit(type, key, object, maps.get(type).get(key));
        }
    }

    /** {@link #put(ObjectNode)} for a fabric8 model object. */
    public StoredObject put(HasMetadata object) {
        return put(Json.parseObject(Serialization.asJson(object).getBytes(StandardCharsets.UTF_8)));
    }

    /** Applies a patch without the API's status rules (back door, e.g. the kubelet writing status). */
    public StoredObject patchDirect(ResourceType type, String namespace, String name, Patches.Type patchType, JsonNode patch) {
        synchronized (writeLock) {
            StoredObject existing = require(type, namespace, name);
            ObjectNode next = Patches.apply(patchType, existing.toJson(), patch);
            Json.obj(next, "metadata").put("resourceVersion", String.valueOf(existing.resourceVersion()));
            return commit(type, existing.key(), next, existing);
        }
    }

    /** Deletes if present (back door); returns whether something was deleted. */
    public boolean remove(ResourceType type, String namespace, String name) {
        synchronized (writeLock) {
            StoredObject existing = maps.get(type).get(StoredObject.key(type.namespaced() ? namespace : null, name));
            if (existing == null) {
                return false;
            }
            remove(type, existing);
            return true;
        }
    }

    // ---------------------------------------------------------------- change feed

    /**
     * Calls {@code listener} for every change committed from now on, in commit order, on one background
     * thread shared by all listeners (keep it quick; it may write to the store). Close to stop.
     */
    public AutoCloseable listen(Consumer<Change> listener) {
        ListenerSubscriber s = new ListenerSubscriber(listener, head);
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    private final class ListenerSubscriber implements Subscriber {
        private final Consumer<Change> listener;
        private long cursor;
        private final AtomicBoolean scheduled = new AtomicBoolean();

        ListenerSubscriber(Consumer<Change> listener, long cursor) {
            this.listener = listener;
            this.cursor = cursor;
        }

        @Override
        public void signal() {
            if (scheduled.compareAndSet(false, true)) {
                listenerThread.execute(this::drain);
            }
        }

        private void drain() {
            scheduled.set(false);
            long h = head;
            while (cursor < h && subscribers.contains(this)) {
                Change c = changeAt(cursor + 1);
                if (c == null) {
                    LOG.log(System.Logger.Level.WARNING, "store listener fell behind the change window; skipping to the latest change");
                    cursor = h;
                    break;
                }
                cursor = c.resourceVersion();
                try {
                    listener.accept(c);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "store listener failed: " + Json.firstLine(e));
                }
            }
        }
    }

    void subscribe(Subscriber s) {
        subscribers.add(s);
    }

    void unsubscribe(Subscriber s) {
        subscribers.remove(s);
    }

    /** The change committed at {@code rv}, or null when it has left the window (or does not exist yet). */
    Change changeAt(long rv) {
        if (rv > head || rv <= 0) {
            return null;
        }
        Change c = ring[(int) (rv % ring.length)];
        return c != null && c.resourceVersion() == rv ? c : null;
    }

    /** The oldest resourceVersion a watch may start after. */
    long oldestWatchable() {
        return Math.max(0, head - ring.length + 1);
    }

    void close() {
        subscribers.clear();
        listenerThread.shutdownNow();
    }

    // ---------------------------------------------------------------- internals

    private StoredObject require(ResourceType type, String namespace, String name) {
        StoredObject o = maps.get(type).get(StoredObject.key(type.namespaced() ? namespace : null, name));
        if (o == null) {
            throw ApiException.notFound(type, name);
        }
        return o;
    }

    private StoredObject replaceChecked(ResourceType type, StoredObject existing, ObjectNode old, ObjectNode next,
                                        boolean dryRun) {
        ObjectNode om = Json.obj(old, "metadata");
        ObjectNode nm = Json.obj(next, "metadata");
        next.put("apiVersion", type.apiVersion()).put("kind", type.kind());
        for (String keep : List.of("name", "namespace", "uid", "creationTimestamp", "generation", "deletionTimestamp")) {
            if (om.has(keep)) {
                nm.set(keep, om.get(keep));
            } else {
                nm.remove(keep);
            }
        }
        nm.put("resourceVersion", String.valueOf(existing.resourceVersion()));
        if (type.hasGeneration() && !java.util.Objects.equals(old.get("spec"), next.get("spec"))) {
            nm.put("generation", om.path("generation").asLong(1) + 1);
        }
        if (next.equals(old)) {
            return existing;
        }
        Admission.validate(type, existing.name(), next);
        if (dryRun) {
            return StoredObject.of(type, next);
        }
        return commit(type, existing.key(), next, existing);
    }

    private StoredObject commit(ResourceType type, String key, ObjectNode node, StoredObject previous) {
        long rv = head + 1;
        Json.obj(node, "metadata").put("resourceVersion", String.valueOf(rv));
        node.put("apiVersion", type.apiVersion()).put("kind", type.kind());
        StoredObject so = StoredObject.of(type, node);
        maps.get(type).put(key, so);
        publish(new Change(previous == null ? Change.Type.ADDED : Change.Type.MODIFIED, so, previous, rv));
        return so;
    }

    private StoredObject remove(ResourceType type, StoredObject existing) {
        long rv = head + 1;
        ObjectNode node = existing.toJson();
        Json.obj(node, "metadata").put("resourceVersion", String.valueOf(rv));
        StoredObject last = StoredObject.of(type, node);
        maps.get(type).remove(existing.key());
        publish(new Change(Change.Type.DELETED, last, existing, rv));
        return last;
    }

    private void publish(Change c) {
        ring[(int) (c.resourceVersion() % ring.length)] = c;
        head = c.resourceVersion();
        for (Subscriber s : subscribers) {
            s.signal();
        }
    }

    private static void copyStatus(ObjectNode from, ObjectNode to) {
        JsonNode st = from.get("status");
        if (st == null) {
            to.remove("status");
        } else {
            to.set("status", st.deepCopy());
        }
    }

    Instant now() {
        return clock.instant();
    }
}
