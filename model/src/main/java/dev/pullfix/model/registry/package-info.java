/**
 * The OCI distribution (registry HTTP API v2) client, spoken as containerd's resolver speaks it: the {@code /v2/}
 * ping, the {@code WWW-Authenticate} challenge (Basic, and Bearer tokens from the realm with
 * {@code scope=repository:NAME:pull}, anonymous or with credentials), {@code HEAD}/{@code GET} manifests with
 * containerd's Accept list, {@code tags/list} with {@code Link} paging, redirects, TLS (system trust store plus a
 * user-given CA), plain HTTP only for loopback and user-listed insecure registries, proxies from the environment and
 * connect/read/total deadlines. Answers are plain records ({@link dev.pullfix.model.registry.RegistryResult});
 * failures carry the classifier's {@link dev.pullfix.model.diagnosis.PullFailureCategory}.
 *
 * <p>Credentials ({@link dev.pullfix.model.registry.Credential}) are chosen as the kubelet chooses them
 * ({@link dev.pullfix.model.registry.Keyring} over {@code .dockerconfigjson}/{@code .dockercfg} pull secrets),
 * held in memory only and never printed: no toString, log line, exception or record shows a password, token or
 * Authorization header.
 *
 * <p>Pure in the DESIGN.md sense: JDK {@code java.net.http} and Jackson only; no fabric8, no AWS SDK (the ECR token
 * and the cluster's secrets come in through ports).
 *
 * <p>May not: JavaFX, fabric8, the AWS SDK; print, log or keep a credential.
 */
package dev.pullfix.model.registry;
