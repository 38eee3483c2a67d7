package dev.pullfix.model.image;

import dev.pullfix.model.image.InvalidImageReferenceException.Reason;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference parsed by the Docker reference grammar ({@code distribution/reference}) and
 * normalised the way the kubelet and containerd do: {@code nginx} becomes {@code docker.io/library/nginx:latest}.
 *
 * <pre>
 * reference := name [ ":" tag ] [ "@" digest ]
 * name      := [domain '/'] path-component ['/' path-component]*
 * domain    := host [':' port]
 * </pre>
 *
 * @param original    the text as given
 * @param domain      registry host with optional port, normalised ({@code index.docker.io} becomes {@code docker.io})
 * @param path        repository path inside the registry, e.g. {@code library/nginx}
 * @param tag         tag, or null when only a digest was given
 * @param digest      digest such as {@code sha256:...}, or null
 * @param tagDefaulted true when no tag and no digest were given and {@code latest} was applied
 */
public record ImageReference(String original, String domain, String path, String tag, String digest,
                             boolean tagDefaulted) {

    private static final int NAME_TOTAL_LENGTH_MAX = 255;
    private static final String DEFAULT_TAG = "latest";
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN_COMPONENT = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+(%[0-9A-Za-z]+)?]");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

    public ImageReference {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Parses and normalises a reference.
     *
     * @throws InvalidImageReferenceException with a precise {@link Reason} when the grammar rejects it
     */
    public static ImageReference parse(String text) {
        String s = text;
        if (s == null || s.isEmpty()) {
            throw invalid(text, Reason.EMPTY, null);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw invalid(text, Reason.WHITESPACE, null);
            }
        }
        if (s.contains("://")) {
            throw invalid(text, Reason.SCHEME, s.substring(0, s.indexOf("://") + 3));
        }
        if (HEX64.matcher(s).matches()) {
            throw invalid(text, Reason.HEX_64, null);
        }

        String digest = null;
        int at = s.indexOf('@');
        if (at >= 0) {
            if (s.indexOf('@', at + 1) >= 0) {
                throw invalid(text, Reason.MULTIPLE_AT, null);
            }
            digest = s.substring(at + 1);
            s = s.substring(0, at);
            validateDigest(text, digest);
        }

        String tag = null;
        int lastSlash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        if (colon > lastSlash) {
            tag = s.substring(colon + 1);
            s = s.substring(0, colon);
            if (tag.isEmpty()) {
                throw invalid(text, Reason.EMPTY_TAG, null);
            }
            if (!TAG.matcher(tag).matches()) {
                throw invalid(text, Reason.INVALID_TAG, tag);
            }
        }
        if (s.isEmpty()) {
            throw invalid(text, Reason.EMPTY, null);
        }
        if (s.length() > NAME_TOTAL_LENGTH_MAX) {
            throw invalid(text, Reason.NAME_TOO_LONG, Integer.toString(s.length()));
        }

        String domain;
        String path;
        int slash = s.indexOf('/');
        String first = slash < 0 ? s : s.substring(0, slash);
        if (slash >= 0 && looksLikeDomain(first)) {
            domain = first;
            path = s.substring(slash + 1);
            validateDomain(text, domain);
        } else {
            domain = Registry.DOCKER_HUB_DOMAIN;
            path = s;
        }
        validatePath(text, path);

        String lowerDomain = domain.toLowerCase(java.util.Locale.ROOT);
        if (lowerDomain.equals("index.docker.io")) {
            domain = Registry.DOCKER_HUB_DOMAIN;
        }
        if (domain.equals(Registry.DOCKER_HUB_DOMAIN) && path.indexOf('/') < 0) {
            path = "library/" + path;
        }
        // Docker checks the limit on the normalized name (ParseNormalizedNamed parses docker.io/library/NAME):
        // a short name that fits only before normalizing is refused, as the kubelet's runtime refuses it
        // (found by ImageReferenceFuzzTest)
        int normalizedLength = domain.length() + 1 + path.length();
        if (normalizedLength > NAME_TOTAL_LENGTH_MAX) {
            throw invalid(text, Reason.NAME_TOO_LONG, Integer.toString(normalizedLength));
        }
        boolean defaulted = tag == null && digest == null;
        if (defaulted) {
            tag = DEFAULT_TAG;
        }
        return new ImageReference(text, domain, path, tag, digest, defaulted);
    }

    /** Parses without throwing: empty when the reference is malformed. */
    public static Optional<ImageReference> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidImageReferenceException e) {
            return Optional.empty();
        }
    }

    /** The reason a reference is malformed, or empty when it is valid. */
    public static Optional<InvalidImageReferenceException> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (InvalidImageReferenceException e) {
            return Optional.of(e);
        }
    }

    private static boolean looksLikeDomain(String first) {
        return first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost")
                || !first.toLowerCase(java.util.Locale.ROOT).equals(first);
    }

    private static void validateDomain(String text, String domain) {
        String host = domain;
        String port = null;
        if (domain.startsWith("[")) {
            int end = domain.indexOf(']');
            if (end < 0) {
                throw invalid(text, Reason.INVALID_DOMAIN, domain);
            }
            host = domain.substring(0, end + 1);
            String rest = domain.substring(end + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw invalid(text, Reason.INVALID_DOMAIN, domain);
                }
                port = rest.substring(1);
            }
            if (!IPV6.matcher(host).matches()) {
                throw invalid(text, Reason.INVALID_DOMAIN, host);
            }
        } else {
            int c = domain.indexOf(':');
            if (c >= 0) {
                host = domain.substring(0, c);
                port = domain.substring(c + 1);
            }
            if (host.isEmpty()) {
                throw invalid(text, Reason.INVALID_DOMAIN, domain);
            }
            for (String part : host.split("\\.", -1)) {
                if (!DOMAIN_COMPONENT.matcher(part).matches()) {
                    throw invalid(text, Reason.INVALID_DOMAIN, host);
                }
            }
        }
        if (port != null) {
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw invalid(text, Reason.INVALID_PORT, port);
            }
        }
    }

    private static void validatePath(String text, String path) {
        if (!path.toLowerCase(java.util.Locale.ROOT).equals(path)) {
            throw invalid(text, Reason.UPPERCASE, path);
        }
        for (String component : path.split("/", -1)) {
            if (component.isEmpty()) {
                throw invalid(text, Reason.EMPTY_PATH_COMPONENT, path);
            }
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw invalid(text, Reason.INVALID_PATH_COMPONENT, component);
            }
        }
    }

    private static void validateDigest(String text, String digest) {
        if (digest.isEmpty()) {
            throw invalid(text, Reason.EMPTY_DIGEST, null);
        }
        if (!DIGEST.matcher(digest).matches()) {
            throw invalid(text, Reason.INVALID_DIGEST, digest);
        }
        String algorithm = digest.substring(0, digest.indexOf(':'));
        int hexLength = digest.length() - algorithm.length() - 1;
        switch (algorithm) {
            case "sha256":
                if (hexLength != 64) {
                    throw invalid(text, Reason.DIGEST_LENGTH, digest);
                }
                break;
            case "sha384":
                if (hexLength != 96) {
                    throw invalid(text, Reason.DIGEST_LENGTH, digest);
                }
                break;
            case "sha512":
                if (hexLength != 128) {
                    throw invalid(text, Reason.DIGEST_LENGTH, digest);
                }
                break;
            default:
                throw invalid(text, Reason.UNSUPPORTED_DIGEST, algorithm);
        }
        if (!digest.substring(algorithm.length() + 1).equals(digest.substring(algorithm.length() + 1)
                .toLowerCase(java.util.Locale.ROOT))) {
            throw invalid(text, Reason.INVALID_DIGEST, digest);
        }
    }

    private static InvalidImageReferenceException invalid(String text, Reason reason, String detail) {
        return new InvalidImageReferenceException(text, reason, detail);
    }

    /** {@code domain/path}, e.g. {@code docker.io/library/nginx}. */
    public String name() {
        return domain + "/" + path;
    }

    /** The fully normalised reference, e.g. {@code docker.io/library/nginx:latest} or {@code ...@sha256:...}. */
    public String normalized() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /** The short form Docker prints: {@code nginx:latest}, {@code user/app:1}, or the full name elsewhere. */
    public String familiar() {
        String n = name();
        if (domain.equals(Registry.DOCKER_HUB_DOMAIN)) {
            n = path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
        }
        return n + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /** The registry this reference points to. */
    public Registry registry() {
        return Registry.recognise(domain);
    }

    /** The repository name as the registry knows it (the path), e.g. the ECR repository name. */
    public String repository() {
        return path;
    }

    /** The ECR repository ARN when the registry is private ECR. */
    public Optional<String> ecrRepositoryArn() {
        return registry().ecrRepositoryArn(path);
    }

    /**
     * The reference as the user wrote it (same registry and repository spelling) with {@code newTag} instead of its
     * tag, and without a digest, e.g. {@code nginx:foo} to {@code nginx:1.27.3}.
     *
     * @throws InvalidImageReferenceException when {@code newTag} is not a valid tag
     */
    public String withTag(String newTag) {
        if (newTag == null || !TAG.matcher(newTag).matches()) {
            throw invalid(newTag, newTag == null || newTag.isEmpty() ? Reason.EMPTY_TAG : Reason.INVALID_TAG, newTag);
        }
        String base = original != null ? original : name();
        int at = base.indexOf('@');
        if (at >= 0) {
            base = base.substring(0, at);
        }
        int colon = base.lastIndexOf(':');
        if (colon > base.lastIndexOf('/')) {
            base = base.substring(0, colon);
        }
        return parse(base + ":" + newTag).original();
    }

    @Override
    public String toString() {
        return normalized();
    }
}
