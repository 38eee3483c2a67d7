package dev.pullfix.model.diagnosis;

import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.Registry;
import dev.pullfix.model.image.RegistryKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts one message carries, read independently of the rules: the unescaped text (klog quoting and
 * {@code (combined from similar events): } removed), the image and registry, the HTTP status, the gRPC code and
 * the innermost error text. Every rule sees the same evidence, so a rule only decides, never parses.
 *
 * @param text        the normalised message
 * @param lower       {@code text} in lower case, what rules match against
 * @param image       the image reference, or null when none could be read (or it is malformed)
 * @param rawImage    the image text as written in the message, or null
 * @param registry    the registry host, or null
 * @param registryKind recognised kind, or null with no registry
 * @param repository  repository path inside the registry, or null
 * @param tag         tag, or null
 * @param digest      digest, or null
 * @param httpStatus  HTTP status the registry answered, or null when the message states none
 * @param grpcCode    the CRI gRPC code ({@code NotFound}, {@code Unknown}, {@code 2} ...), or null
 * @param quoted      the error text after the kubelet's and the rpc wrapper's prefixes
 */
public record PullEvidence(String text, String lower, ImageReference image, String rawImage, String registry,
                           RegistryKind registryKind, String repository, String tag, String digest,
                           Integer httpStatus, String grpcCode, String quoted) {

    private static final Pattern COMBINED = Pattern.compile("^\\(combined from similar events\\):\\s*");
    private static final Pattern ESCAPED_QUOTE = Pattern.compile("\\\\+\"");
    private static final Pattern K14_PREAMBLE = Pattern.compile(
            "image pull failed for (\\S+?),? this may be because there are no credentials on this request\\.\\s*"
                    + "details: \\((.*)\\)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final List<Pattern> IMAGE_PATTERNS = List.of(
            Pattern.compile("Failed to pull image \"([^\"]+)\""),
            Pattern.compile("(?:Back-off pulling|Pulling|pulling) image \"([^\"]+)\""),
            Pattern.compile("[Cc]ontainer image \"([^\"]+)\" is not present"),
            Pattern.compile("couldn't parse image (?:reference|name) \"([^\"]+)\""),
            Pattern.compile("Failed to apply default image tag \"([^\"]+)\""),
            Pattern.compile("image pull failed for ([^\\s,]+)"),
            Pattern.compile("failed to pull and unpack image \"([^\"]+)\""),
            Pattern.compile("failed to pull image \"([^\"]+)\""),
            Pattern.compile("failed to resolve (?:reference|image) \"([^\"]+)\""),
            Pattern.compile("PullImage \"([^\"]+)\""),
            Pattern.compile("image=\"([^\"]+)\""),
            Pattern.compile("docker://(\\S+?):\\s"),
            Pattern.compile("docker://(\\S+?)\"?$"),
            Pattern.compile("pull access denied for ([^\\s,]+)"),
            Pattern.compile("manifest for (\\S+) not found"),
            Pattern.compile("Error: image (\\S+) not found"),
            Pattern.compile("[Ii]mage \"([^\"]+)\""),
            Pattern.compile("\\breference \"([^\"]+)\""));
    private static final Pattern READING_MANIFEST = Pattern.compile("reading manifest (\\S+) in (\\S+?):?\\s");
    private static final Pattern REGISTRY_URL = Pattern.compile(
            "https?:/+\"?([A-Za-z0-9_.\\-]+(?::\\d+)?)/v2/(?:(.+?)/(manifests|blobs|tags)/([^\\s\":]+(?::[0-9a-f]+)?))?");
    private static final Pattern HOST_URL = Pattern.compile("https?:/+\"?([A-Za-z0-9_.\\-]+(?::\\d+)?)");
    private static final Pattern ECR_HOST = Pattern.compile(
            "\\b\\d{12}\\.dkr[.-]ecr(?:-fips)?\\.[a-z0-9-]+\\.(?:amazonaws\\.com(?:\\.cn)?|on\\.aws)\\b");
    private static final Pattern REDACTED_ECR = Pattern.compile(
            "\\.dkr[.-]ecr(?:-fips)?\\.[a-z0-9-]+\\.(?:amazonaws\\.com(?:\\.cn)?|on\\.aws)\\b");
    private static final Pattern REDACTED_ECR_HOST = Pattern.compile(
            "^[^/\\s]+\\.dkr[.-]ecr(?:-fips)?\\.[a-z0-9-]+\\.(?:amazonaws\\.com(?:\\.cn)?|on\\.aws)$");
    private static final List<Pattern> STATUS_PATTERNS = List.of(
            Pattern.compile(":\\s([1-5]\\d\\d)\\s(?:Unauthorized|Forbidden|Not Found|Too Many Requests|Bad Request"
                    + "|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Conflict"
                    + "|Method Not Allowed|Proxy Authentication Required|Request Timeout)\\b"),
            Pattern.compile("(?i)\\bstatus(?: code)?:? \\[?([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)unexpected (?:http )?status(?: code)?:? ([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\bstatuscode:? ([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\bhttp(?: status)?:? ([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\bresponse code:? ([1-5]\\d\\d)\\b"));
    private static final Pattern GRPC = Pattern.compile("rpc error: code = (\\w+) desc = ");
    private static final Pattern FAILED_TO_PULL_PREFIX = Pattern.compile("Failed to pull image \"[^\"]*\":\\s*");

    /** Reads the evidence from one event message (or one kubelet log line already parsed). */
    public static PullEvidence of(String message) {
        String text = normalise(message == null ? "" : message);
        Matcher k14 = K14_PREAMBLE.matcher(text);
        String imageHint = null;
        String evidenceText = text;
        if (k14.find()) {
            imageHint = k14.group(1);
            // Kubernetes 1.4 prefixed every failure with the same guess; the details are the evidence.
            evidenceText = text.substring(0, k14.start()) + "image pull failed for " + k14.group(1) + ": "
                    + k14.group(2);
        }

        String rawImage = imageHint;
        ImageReference image = null;
        for (Pattern p : IMAGE_PATTERNS) {
            if (rawImage != null) {
                break;
            }
            Matcher m = p.matcher(evidenceText);
            while (m.find()) {
                String candidate = m.group(1);
                if (candidate.isEmpty()) {
                    continue;
                }
                rawImage = candidate;
                break;
            }
        }
        if (rawImage != null) {
            image = ImageReference.tryParse(rawImage).orElse(null);
        }

        String registry = null;
        String repository = null;
        String tag = null;
        String digest = null;
        if (image != null) {
            registry = image.domain();
            repository = image.repository();
            tag = image.tag();
            digest = image.digest();
        }
        Matcher url = REGISTRY_URL.matcher(evidenceText);
        if (url.find()) {
            if (registry == null) {
                registry = url.group(1);
            }
            if (repository == null && url.group(2) != null) {
                repository = url.group(2);
                String ref = url.group(4);
                if (ref.contains(":")) {
                    digest = ref;
                } else if (url.group(3).equals("manifests")) {
                    tag = ref;
                }
            }
        }
        Matcher manifest = READING_MANIFEST.matcher(evidenceText);
        if (manifest.find() && repository == null) {
            ImageReference r = ImageReference.tryParse(manifest.group(2)).orElse(null);
            if (r != null) {
                registry = registry == null ? r.domain() : registry;
                repository = r.repository();
                String ref = manifest.group(1);
                if (ref.contains(":")) {
                    digest = ref;
                } else {
                    tag = ref;
                }
            }
        }
        if (registry == null) {
            Matcher ecr = ECR_HOST.matcher(evidenceText.toLowerCase(Locale.ROOT));
            if (ecr.find()) {
                registry = ecr.group();
            } else {
                Matcher host = HOST_URL.matcher(evidenceText);
                if (host.find()) {
                    registry = host.group(1);
                }
            }
        }
        RegistryKind kind = registry == null ? null : Registry.recognise(registry).kind();
        // users redact the account ("XXXXXX.dkr.ecr...", "<account number>.dkr.ecr..."): still private ECR
        if ((kind == null || kind == RegistryKind.PRIVATE)
                && (registry == null ? REDACTED_ECR.matcher(evidenceText.toLowerCase(Locale.ROOT)).find()
                        : REDACTED_ECR_HOST.matcher(registry.toLowerCase(Locale.ROOT)).matches())) {
            kind = RegistryKind.ECR_PRIVATE;
        }

        Integer status = null;
        for (Pattern p : STATUS_PATTERNS) {
            Matcher m = p.matcher(evidenceText);
            if (m.find()) {
                status = Integer.valueOf(m.group(1));
                break;
            }
        }
        Matcher grpc = GRPC.matcher(evidenceText);
        String grpcCode = grpc.find() ? grpc.group(1) : null;
        String quoted = quoted(text);
        return new PullEvidence(evidenceText, evidenceText.toLowerCase(Locale.ROOT), image, rawImage, registry,
                kind, repository, tag, digest, status, grpcCode, quoted);
    }

    /** Unescapes klog/Go quoting and drops event-aggregation prefixes. */
    static String normalise(String message) {
        String s = message.strip();
        s = COMBINED.matcher(s).replaceFirst("");
        s = ESCAPED_QUOTE.matcher(s).replaceAll("\"");
        s = s.replace("\\n", " ").replace("\\t", " ").replace("\\\\", "\\");
        s = s.replace('\n', ' ').replace('\r', ' ');
        return s.strip();
    }

    private static String quoted(String text) {
        Matcher prefix = FAILED_TO_PULL_PREFIX.matcher(text);
        String q = prefix.find() ? text.substring(prefix.end()) : text;
        Matcher grpc = GRPC.matcher(q);
        if (grpc.find() && grpc.start() < 40) {
            q = q.substring(grpc.end());
        }
        return q.strip();
    }

    /** True when the registry is private ECR. */
    public boolean isEcrPrivate() {
        return registryKind == RegistryKind.ECR_PRIVATE;
    }

    /** The registry facts for the registry host, when known. */
    public Optional<Registry> registryFacts() {
        return registry == null ? Optional.empty() : Optional.of(Registry.recognise(registry));
    }
}
