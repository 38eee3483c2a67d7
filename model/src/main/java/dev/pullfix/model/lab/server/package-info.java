/**
 * The practice lab's in-process Kubernetes API server.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (LabApiServer server = LabApiServer.start(LabApiServerOptions.defaults())) {
 *     LabPopulation.generate(server.store(), LabPopulation.Spec.of(2_000)); // optional scale population
 *     server.store().put(podJson);                     // simulation back door: kubelet/controller writes
 *     server.store().patchDirect(ResourceTypes.PODS, "default", "web", Patches.Type.MERGE, statusPatch);
 *     try (AutoCloseable l = server.listen(change -> ...)) { ... }   // ADDED/MODIFIED/DELETED in commit order
 *     server.writeKubeconfig(dir.resolve("kubeconfig"));              // https://127.0.0.1:PORT, its CA, its token
 * }
 * }</pre>
 *
 * <h2>Design</h2>
 * {@link dev.pullfix.model.lab.server.LabStore} keeps, per resource, a sorted map namespace/name →
 * {@link dev.pullfix.model.lab.server.StoredObject} (the object pre-serialised as JSON with apiVersion, kind and
 * metadata first, plus its labels, field-selector values and Table cells). One global counter gives
 * resourceVersions; every committed change goes into a bounded ring that watches and listeners read from, so
 * a watch resumes from any resourceVersion still in the ring and gets 410 Expired otherwise. The Netty front
 * end ({@code HttpFront}) streams lists in 64 KiB chunks straight from the map (no whole-list copies), gzip-compressed
 * as the API server compresses them for a client that accepts gzip (kubectl, Pullfix) once the body reaches 128 KiB,
 * at level 1 ({@code GzipListInput}), and serves watches as chunked JSON lines (kubectl) or WebSocket text frames (fabric8), pausing when the socket is
 * full. events.k8s.io/v1 is a view of the core events. It serves TLS (Netty's SslHandler, JDK provider) with a
 * server certificate for 127.0.0.1 and localhost from a CA made at start ({@code LabCertificates}, BouncyCastle;
 * keys in memory only), and requires the bearer token of the kubeconfig it writes: without it, or with another,
 * 401 {@code Status} ({@code LabRequestGuard}; {@code /version} and the health paths answer anyone, as on a real
 * cluster). Requests a web page could make (a foreign {@code Origin}, a {@code Referer} or {@code Sec-Fetch-*}
 * header, a form or text body) are refused with 403/415 before anything else.
 *
 * <h2>What a real API server does that this one does not</h2>
 * No authentication besides its one bearer token, no authorization or admission (besides light validation of
 * names and containers); no
 * controllers (a Deployment never gets a new ReplicaSet, {@code kubectl rollout status} waits for a status
 * only the lab's simulated controller writes; no garbage collection through ownerReferences; deletions are
 * immediate: no graceful termination, finalizers or Terminating namespaces); no server-side apply
 * (apply-patch+yaml is 415), no managedFields; protobuf bodies only for Secret, ConfigMap, ServiceAccount
 * and Namespace (kubectl's typed generators like {@code create deployment} / {@code run} need
 * {@code apply -f}); legacy (non-aggregated) discovery and a minimal OpenAPI v3 (no schemas: {@code kubectl
 * explain} does not work); no /scale, exec, attach, port-forward; {@code pods/log} answers a Status error;
 * lists always read the latest state (resourceVersion/resourceVersionMatch on lists are ignored; a continue
 * token never expires); one change window for all resources; no CRDs, no other kinds than those in
 * {@link dev.pullfix.model.lab.server.ResourceTypes}; no persistence.
 *
 * <p>May not: depend on the rest of the lab, on the diagnosis or on fabric8 client classes (it is the server kubectl and fabric8 talk to); JavaFX.
 */
package dev.pullfix.model.lab.server;
