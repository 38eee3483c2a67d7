package dev.pullfix.model.registry;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.registry.RegistryFailure.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry checks for one image, as the kubelet's pull would meet them: an anonymous {@code HEAD} (does the
 * registry want credentials?), then the kubelet's credentials in its order (the first that resolves wins; none:
 * the anonymous answer stands), the tag list when the tag is missing (repository exists? nearest tags), and the
 * manifest's platforms against the node's. {@code HEAD}s do not count against Docker Hub's limit; the platform check
 * {@code GET}s the manifest (one pull on Docker Hub), so it runs only when a node platform is given.
 */
public final class ImageChecker {
    private static final int NEAREST = 10;
    private final RegistryClient client;

    public ImageChecker(RegistryClient client) {
        this.client = client;
    }

    /**
     * @param credentials the kubelet's credentials for this image, in order (empty: anonymous)
     * @param node        the node's platform, or null to skip the platform check
     */
    public ImageCheckResult check(ImageReference image, List<Credential> credentials, Platform node) {
        RegistryKind kind = image.registry().kind();
        String endpoint = client instanceof HttpRegistryClient h ? h.endpoint(image.domain()).toString() : image.domain();
        RegistryResult<ManifestHead> anon = client.head(image, Credential.ANONYMOUS);
        if (!anon.isOk() && !anon.failure().answered() && anon.failure().kind() != Kind.PROTOCOL) {
            return unreachable(image, kind, endpoint, anon.failure(), anon.rateLimit());
        }
        RegistryResult<ManifestHead> pull = anon;
        Credential used = Credential.ANONYMOUS;
        Boolean accepted = null;
        if (!credentials.isEmpty()) {
            boolean anyAccepted = false;
            boolean anyRejected = false;
            for (Credential c : credentials) {
                RegistryResult<ManifestHead> r = client.head(image, c);
                pull = r;
                used = c;
                if (Boolean.TRUE.equals(r.auth().credentialsAccepted()) || r.isOk()) {
                    anyAccepted = true;
                }
                if (Boolean.FALSE.equals(r.auth().credentialsAccepted())
                        || (!r.isOk() && r.failure().kind() == Kind.CREDENTIALS_REJECTED)) {
                    anyRejected = true;
                }
                if (r.isOk()) {
                    break;
                }
            }
            accepted = anyAccepted ? Boolean.TRUE : anyRejected ? Boolean.FALSE : null;
        }
        Boolean authRequired = anon.isOk() ? Boolean.FALSE : switch (anon.failure().kind()) {
            case AUTH_REQUIRED, DENIED -> Boolean.TRUE;
            case NOT_FOUND_OR_UNAUTHORIZED -> pull.isOk() ? Boolean.TRUE : null;
            default -> null;
        };
        RateLimit rate = pull.rateLimit() != null ? pull.rateLimit() : anon.rateLimit();
        String source = used.isAnonymous() ? null : used.source();
        if (!pull.isOk() && !pull.failure().answered() && pull.failure().kind() != Kind.PROTOCOL) {
            return unreachable(image, kind, endpoint, pull.failure(), rate);
        }
        if (pull.isOk()) {
            List<String> platforms = List.of();
            Boolean matches = null;
            RegistryFailure failure = null;
            if (node != null) {
                RegistryResult<Manifest> m = client.manifest(image, used);
                if (m.isOk()) {
                    platforms = m.value().platforms().stream().map(Platform::toString).toList();
                    matches = m.value().runsOn(node);
                    if (!matches) {
                        failure = new RegistryFailure(Kind.NO_MATCHING_PLATFORM, 200, List.of(), "no match for platform in "
                                + "manifest: " + node + " not in " + platforms);
                    }
                } else if (m.failure().kind() == Kind.RATE_LIMITED) {
                    failure = m.failure();
                    rate = m.rateLimit() != null ? m.rateLimit() : rate;
                }
            }
            PullFailureCategory cat = failure == null ? null : failure.category(kind);
            if (failure == null && rate != null && rate.exhausted()) {
                failure = new RegistryFailure(Kind.RATE_LIMITED, 200, List.of(), "ratelimit-remaining: 0 of "
                        + rate.limit() + ": a pull now would be answered 429 toomanyrequests");
                cat = PullFailureCategory.RATE_LIMITED;
            }
            return new ImageCheckResult(image.normalized(), kind, endpoint, true, true, authRequired, accepted, source,
                    pull.value().digest(), platforms, node == null ? null : node.toString(), matches, rate, List.of(),
                    false, failure, cat);
        }
        RegistryFailure f = pull.failure();
        Boolean repoExists = null;
        Boolean imageExists = null;
        List<String> nearest = List.of();
        boolean listed = false;
        if (f.kind() == Kind.MANIFEST_UNKNOWN || f.kind() == Kind.NAME_UNKNOWN) {
            imageExists = false;
            RegistryResult<TagList> tags = client.tags(image, used);
            if (tags.isOk()) {
                repoExists = true;
                listed = true;
                nearest = TagRanking.nearest(image.digest() != null ? null : image.tag(), tags.value().tags(), NEAREST);
                if (f.kind() == Kind.NAME_UNKNOWN) {
                    f = new RegistryFailure(Kind.MANIFEST_UNKNOWN, f.httpStatus(), f.codes(), f.detail());
                }
            } else if (tags.failure().kind() == Kind.NAME_UNKNOWN) {
                repoExists = false;
                f = new RegistryFailure(Kind.NAME_UNKNOWN, f.httpStatus(), merge(f.codes(), tags.failure().codes()),
                        f.detail() + "\n" + tags.failure().detail());
            }
        }
        return new ImageCheckResult(image.normalized(), kind, endpoint, repoExists, imageExists, authRequired, accepted,
                source, null, List.of(), node == null ? null : node.toString(), null, rate, nearest, listed, f,
                f.category(kind));
    }

    /** The repository's tags, newest (highest version) first, for a tag picker; empty when they cannot be listed. */
    public RegistryResult<TagList> tags(ImageReference image, List<Credential> credentials) {
        RegistryResult<TagList> r = null;
        for (Credential c : credentials.isEmpty() ? List.of(Credential.ANONYMOUS) : credentials) {
            r = client.tags(image, c);
            if (r.isOk()) {
                List<String> ordered = TagRanking.nearest(null, r.value().tags(), Integer.MAX_VALUE);
                return RegistryResult.ok(new TagList(ordered, r.value().truncated(), r.value().pages()), r.auth(),
                        r.rateLimit());
            }
        }
        return r;
    }

    private static List<String> merge(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    private static ImageCheckResult unreachable(ImageReference image, RegistryKind kind, String endpoint,
                                                RegistryFailure f, RateLimit rate) {
        return new ImageCheckResult(image.normalized(), kind, endpoint, null, null, null, null, null, null, List.of(),
                null, null, rate, List.of(), false, f, f.category(kind));
    }
}
