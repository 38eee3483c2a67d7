package dev.pullfix.model.registry;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import dev.pullfix.model.diagnosis.runbook.port.RegistryPort;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import java.util.List;

/**
 * The diagnosis engine's {@link RegistryPort} answered by the registry itself: the pod's pull secrets read
 * ({@link PullSecretReader}) and matched as the kubelet matches them ({@link KubeletCredentials}), then
 * {@link ImageChecker} over a {@link RegistryClient} (the world's registries, or the lab's loopback ones: the same
 * code). From this machine, not from the node.
 */
public final class ClientRegistryPort implements RegistryPort {
    private final java.util.function.Supplier<? extends RegistryClient> clients;
    private volatile RegistryClient client;
    private final PullSecretReader secrets;

    public ClientRegistryPort(RegistryClient client, PullSecretReader secrets) {
        this.client = java.util.Objects.requireNonNull(client, "client");
        this.clients = () -> client;
        this.secrets = secrets;
    }

    /**
     * A port whose client is built on first use (on the caller's thread, typically a task's: building one reads the
     * trust store), so a front end may hand the port out from its UI thread.
     */
    public static ClientRegistryPort lazy(java.util.function.Supplier<? extends RegistryClient> client,
                                          PullSecretReader secrets) {
        return new ClientRegistryPort(client, secrets);
    }

    private ClientRegistryPort(java.util.function.Supplier<? extends RegistryClient> clients, PullSecretReader secrets) {
        this.clients = clients;
        this.secrets = secrets;
    }

    private RegistryClient client() {
        RegistryClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = clients.get();
                    client = c;
                }
            }
        }
        return c;
    }

    /** The full registry check for an image, with the kubelet's credentials from these secrets. */
    public ImageCheckResult check(String image, String namespace, List<String> pullSecretNames, Platform node)
            throws CouldNotCheckException {
        return checked(image, namespace, pullSecretNames, node).result();
    }

    private record Checked(ImageCheckResult result, KubeletCredentials credentials) {
    }

    /** The image reference, or "could not check" for one that does not parse (the check cannot start). */
    public static ImageReference parse(String image) throws CouldNotCheckException {
        try {
            return ImageReference.parse(image);
        } catch (InvalidImageReferenceException e) {
            throw CouldNotCheckException.of(CouldNotCheckException.Reason.ERROR, "invalid image reference");
        }
    }

    /** The credentials the kubelet would use from these pull secrets (none without secrets). */
    private KubeletCredentials credentials(String namespace, List<String> pullSecretNames) throws CouldNotCheckException {
        return pullSecretNames.isEmpty() ? KubeletCredentials.none()
                : KubeletCredentials.resolve(secrets, namespace, pullSecretNames);
    }

    private Checked checked(String image, String namespace, List<String> pullSecretNames, Platform node)
            throws CouldNotCheckException {
        ImageReference ref = parse(image);
        KubeletCredentials creds = credentials(namespace, pullSecretNames);
        return new Checked(new ImageChecker(client()).check(ref, creds.credentialsFor(ref), node), creds);
    }

    /** The repository's tags for a picker, newest (highest version) first, with the kubelet's credentials. */
    public RegistryResult<TagList> tags(String image, String namespace, List<String> pullSecretNames)
            throws CouldNotCheckException {
        ImageReference ref = parse(image);
        KubeletCredentials creds = credentials(namespace, pullSecretNames);
        return new ImageChecker(client()).tags(ref, creds.credentialsFor(ref));
    }

    @Override
    public ManifestProbe probe(String image, String namespace, List<String> pullSecretNames)
            throws CouldNotCheckException {
        return probe(image, namespace, pullSecretNames, null);
    }

    @Override
    public ManifestProbe probe(String image, String namespace, List<String> pullSecretNames, String nodePlatform)
            throws CouldNotCheckException {
        Platform node = nodePlatform == null ? null : Platform.parse(nodePlatform).orElse(null);
        Checked c = checked(image, namespace, pullSecretNames, node);
        return toProbe(c.result(), c.credentials().keys());
    }

    /** The engine's probe record from a registry check. */
    public static ManifestProbe toProbe(ImageCheckResult r, List<String> secretKeys) {
        Integer remaining = r.rateLimit() == null ? null : r.rateLimit().remaining();
        Integer limit = r.rateLimit() == null ? null : r.rateLimit().limit();
        boolean authed = Boolean.TRUE.equals(r.credentialsAccepted()) && r.credentialSource() != null;
        RegistryFailure f = r.failure();
        ManifestProbe.Details d = new ManifestProbe.Details(r.endpoint(), r.repositoryExists(), r.imageExists(),
                r.nearestTags(), r.authRequired(), r.credentialsAccepted(), r.credentialSource(), secretKeys, r.digest(),
                r.platforms(), r.platform(), r.platformMatches(), r.rateLimit() == null ? null : r.rateLimit().source(),
                r.rateLimit() == null ? null : r.rateLimit().windowSeconds(), f == null ? null : f.kind().name());
        if (f == null || f.kind() == RegistryFailure.Kind.NO_MATCHING_PLATFORM) {
            return new ManifestProbe(ManifestProbe.Status.FOUND, 200, authed, remaining, limit,
                    f == null ? null : f.detail(), d);
        }
        ManifestProbe.Status s = switch (f.kind()) {
            case MANIFEST_UNKNOWN -> ManifestProbe.Status.TAG_NOT_FOUND;
            case NAME_UNKNOWN, NOT_FOUND_OR_UNAUTHORIZED, AUTH_REQUIRED, DENIED ->
                    ManifestProbe.Status.NOT_FOUND_OR_UNAUTHORIZED;
            case CREDENTIALS_REJECTED -> ManifestProbe.Status.UNAUTHORIZED;
            case RATE_LIMITED -> ManifestProbe.Status.RATE_LIMITED;
            case TIMEOUT, UNREACHABLE -> ManifestProbe.Status.TIMEOUT;
            case DNS -> ManifestProbe.Status.DNS_FAILURE;
            case TLS, PLAIN_HTTP -> ManifestProbe.Status.TLS_ERROR;
            default -> ManifestProbe.Status.ERROR;
        };
        int status = f.httpStatus() == 200 && s == ManifestProbe.Status.RATE_LIMITED ? 429 : f.httpStatus();
        return new ManifestProbe(s, status, authed, remaining, limit, f.detail(), d);
    }
}
