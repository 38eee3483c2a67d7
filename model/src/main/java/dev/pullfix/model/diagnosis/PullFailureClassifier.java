package dev.pullfix.model.diagnosis;

import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.image.Registry;
import dev.pullfix.model.image.RegistryKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Names the cause of an image pull failure from a container's waiting reason and its pod's events.
 *
 * <p>Each event message is read into {@link PullEvidence} once, then the ordered {@link ClassifierRules} table
 * decides (first match by precedence). Across events, specific messages win over the kubelet's status-only
 * ones ({@code Error: ErrImagePull}, {@code Back-off pulling image}); among specific ones the most recent wins,
 * then the most specific rule. Extending it means adding one rule to {@code rules.yaml} and one fixture.
 * Pure and thread-safe.
 */
public final class PullFailureClassifier {

    /** Rule marker when no rule matched. */
    public static final String NO_MATCH = "no-match";

    private final ClassifierRules rules;

    public PullFailureClassifier(ClassifierRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A classifier over the built-in rule table. */
    public static PullFailureClassifier withBuiltInRules() {
        return new PullFailureClassifier(ClassifierRules.builtIn());
    }

    public ClassifierRules rules() {
        return rules;
    }

    /**
     * Classifies one line of text: a bare event message, a {@code kubectl describe} Events row (with its
     * {@code (x4 over 5m14s)} counter), a {@code kubectl get events} row or a kubelet log line.
     */
    public PullFailure classifyLine(String line) {
        KubeletEvent event = KubeletEvent.parseLine(line).orElse(KubeletEvent.ofMessage(""));
        // a line given on its own is evidence whatever its type (an info-level kubelet log line, a Normal row)
        return classify(null, List.of(event), true);
    }

    /** Classifies one bare event message. */
    public PullFailure classifyMessage(String message) {
        return classify(null, List.of(KubeletEvent.ofMessage(message)), true);
    }

    /**
     * Classifies a container's pull failure.
     *
     * @param waitingReason the container's waiting reason ({@code ErrImagePull}, {@code ImagePullBackOff},
     *                      {@code InvalidImageName}, {@code ErrImageNeverPull} ...), or null
     * @param events        the pod's events, any order; unrelated events are ignored
     */
    public PullFailure classify(String waitingReason, List<KubeletEvent> events) {
        return classify(waitingReason, events, false);
    }

    private PullFailure classify(String waitingReason, List<KubeletEvent> events, boolean everyEvent) {
        List<Candidate> candidates = new ArrayList<>();
        int index = 0;
        for (KubeletEvent e : events == null ? List.<KubeletEvent>of() : events) {
            if (e == null || e.message().isBlank() || !(everyEvent || isRelevant(e))) {
                index++;
                continue;
            }
            PullEvidence evidence = PullEvidence.of(e.message());
            candidates.add(new Candidate(e, evidence, rules.firstMatch(evidence), index++));
        }
        candidates.sort(Comparator.comparingInt(Candidate::tier)
                .thenComparing(Candidate::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparingInt(Candidate::precedence)
                .thenComparing(c -> -c.event().count())
                .thenComparingInt(Candidate::index));

        String reason = waitingReason == null ? "" : waitingReason.strip();
        PullFailureCategory forced = switch (reason) {
            case "InvalidImageName" -> PullFailureCategory.INVALID_IMAGE_NAME;
            case "ErrImageNeverPull" -> PullFailureCategory.NEVER_PULL;
            default -> null;
        };

        Candidate best = candidates.isEmpty() ? null : candidates.get(0);
        if (forced != null && (best == null || best.rule() == null || best.rule().category() != forced)) {
            // the kubelet's own verdict: find an event that agrees, else decide from the reason alone
            Candidate agreeing = candidates.stream()
                    .filter(c -> c.rule() != null && c.rule().category() == forced).findFirst().orElse(null);
            if (agreeing != null) {
                best = agreeing;
            } else {
                return fromWaitingReason(forced, reason, candidates);
            }
        }
        if (best == null) {
            if (reason.equals("RegistryUnavailable")) {
                return fromWaitingReason(PullFailureCategory.NETWORK_TIMEOUT, reason, candidates);
            }
            return build(PullFailureCategory.OTHER, "waiting-reason:" + (reason.isEmpty() ? "none" : reason),
                    "no-evidence", List.of("pod-events", "kubelet-log"), null, PullEvidence.of(""), null, candidates);
        }
        ClassifierRule rule = best.rule();
        if (rule == null) {
            return build(PullFailureCategory.OTHER, NO_MATCH, "unrecognised", List.of("kubelet-log", "pull-on-node"),
                    null, best.evidence(), best.event(), candidates);
        }
        return build(rule.category(), rule.name(), rule.summary(), rule.checks(), rule.impliedStatus(),
                best.evidence(), best.event(), candidates);
    }

    private PullFailure fromWaitingReason(PullFailureCategory category, String reason, List<Candidate> candidates) {
        String key = switch (category) {
            case INVALID_IMAGE_NAME -> "invalid-image-name";
            case NEVER_PULL -> "never-pull";
            default -> "registry-unavailable";
        };
        ClassifierRule rule = rules.rules().stream().filter(r -> r.name().equals(key)).findFirst().orElse(null);
        List<String> checks = rule == null ? List.of("pod-events") : rule.checks();
        return build(category, "waiting-reason:" + reason, rule == null ? key : rule.summary(), checks, null,
                PullEvidence.of(""), null, candidates);
    }

    private static PullFailure build(PullFailureCategory category, String ruleName, String summary,
                                     List<String> checks, Integer impliedStatus, PullEvidence evidence,
                                     KubeletEvent event, List<Candidate> all) {
        String rawImage = evidence.rawImage();
        ImageReference image = evidence.image();
        String registry = evidence.registry();
        RegistryKind kind = evidence.registryKind();
        String repository = evidence.repository();
        String tag = evidence.tag();
        String digest = evidence.digest();
        // a truncated or terse message: borrow the image from the pod's other events (Pulling, BackOff ...)
        if (rawImage == null) {
            for (Candidate c : all) {
                if (c.evidence().rawImage() != null) {
                    rawImage = c.evidence().rawImage();
                    image = c.evidence().image();
                    break;
                }
            }
            if (image != null) {
                if (registry == null || repository == null) {
                    registry = image.domain();
                    kind = image.registry().kind();
                    repository = image.repository();
                }
                tag = tag == null && digest == null ? image.tag() : tag;
                digest = digest == null ? image.digest() : digest;
            }
        }
        InvalidImageReferenceException.Reason problem = null;
        if (category == PullFailureCategory.INVALID_IMAGE_NAME && rawImage != null) {
            problem = ImageReference.problem(rawImage).map(InvalidImageReferenceException::reason).orElse(null);
        }
        Integer status = evidence.httpStatus() != null ? evidence.httpStatus() : impliedStatus;
        String account = null;
        String region = null;
        String arn = null;
        if (registry != null) {
            Registry facts = Registry.recognise(registry);
            if (facts.isEcrPrivate()) {
                account = facts.account();
                region = facts.region();
                arn = facts.ecrRepositoryArn(repository).orElse(null);
            }
        }
        String imageText = image != null ? image.normalized() : rawImage;
        List<String> args = List.of(nz(imageText), nz(registry), nz(repository),
                nz(digest != null && tag == null ? digest : tag), status == null ? "" : status.toString(),
                nz(account), nz(region), problem == null ? "" : problem.code());
        String quoted = evidence.quoted() == null || evidence.quoted().isEmpty() ? null : evidence.quoted();
        return new PullFailure(category, ruleName, rawImage, image == null ? null : image.normalized(), registry,
                kind, repository, tag, digest, status, evidence.grpcCode(), quoted, account, region, arn, problem,
                "summary." + summary, args, checks.stream().map(c -> "check." + c).toList(), event);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Events that can carry a pull failure: warnings, back-offs and anything of unknown type. */
    private static boolean isRelevant(KubeletEvent e) {
        if (e.message().isBlank()) {
            return false;
        }
        if (e.type() == null || !e.type().equalsIgnoreCase("Normal")) {
            return true;
        }
        String reason = e.reason() == null ? "" : e.reason().toLowerCase(Locale.ROOT);
        return reason.equals("backoff") || reason.equals("pulling");
    }

    private record Candidate(KubeletEvent event, PullEvidence evidence, ClassifierRule rule, int index) {
        int tier() {
            if (rule == null) {
                return event.isGenericPullStatus() ? 3 : 1;
            }
            return rule.generic() || event.isGenericPullStatus() ? 2 : 0;
        }

        int precedence() {
            return rule == null ? Integer.MAX_VALUE : rule.precedence();
        }

        Instant lastSeen() {
            return event.lastTimestamp() != null ? event.lastTimestamp() : event.firstTimestamp();
        }
    }

    /** Convenience for callers holding only the message of the deciding event. */
    public Optional<ClassifierRule> ruleFor(String message) {
        return Optional.ofNullable(rules.firstMatch(PullEvidence.of(message)));
    }
}
