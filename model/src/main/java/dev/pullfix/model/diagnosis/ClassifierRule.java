package dev.pullfix.model.diagnosis;

import dev.pullfix.model.image.RegistryKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of the classifier's rule table ({@code dev/pullfix/classifier/rules.yaml}). A rule matches a message's
 * {@link PullEvidence} when every condition it states holds:
 * <ul>
 *   <li>{@code any}: at least one of these phrases occurs (case-insensitive);</li>
 *   <li>{@code all}: every one of these phrases occurs;</li>
 *   <li>{@code none}: none of these phrases occurs;</li>
 *   <li>{@code regex}: at least one of these patterns is found (case-insensitive);</li>
 *   <li>{@code registry}: the registry is one of these kinds;</li>
 *   <li>{@code status}: the HTTP status stated in the message is one of these.</li>
 * </ul>
 * Among matching rules the lowest {@code precedence} wins. {@code generic} rules only restate the pod status
 * ({@code Error: ErrImagePull}) and lose to any specific rule on any other event of the pod.
 *
 * @param name          unique, kebab-case; also the default summary key
 * @param category      what the rule concludes
 * @param precedence    lower wins
 * @param any           phrases, one must occur
 * @param all           phrases, all must occur
 * @param none          phrases, none may occur
 * @param regex         patterns, one must be found
 * @param registry      registry kinds the rule is limited to (empty: any)
 * @param status        HTTP statuses the rule is limited to (empty: any)
 * @param impliedStatus HTTP status implied by the wording (e.g. 429 for {@code toomanyrequests}) when none is stated
 * @param summary       summary key suffix in the {@code classifier} bundle ({@code summary.<summary>})
 * @param checks        next-check key suffixes ({@code check.<name>}), most useful first
 * @param generic       true for status-only messages
 */
public record ClassifierRule(String name, PullFailureCategory category, int precedence, List<String> any,
                             List<String> all, List<String> none, List<Pattern> regex, Set<RegistryKind> registry,
                             Set<Integer> status, Integer impliedStatus, String summary, List<String> checks,
                             boolean generic) {

    public ClassifierRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        any = lower(any);
        all = lower(all);
        none = lower(none);
        regex = regex == null ? List.of() : List.copyOf(regex);
        registry = registry == null ? Set.of() : Set.copyOf(registry);
        status = status == null ? Set.of() : Set.copyOf(status);
        summary = summary == null ? name : summary;
        checks = checks == null ? List.of() : List.copyOf(checks);
        if (any.isEmpty() && all.isEmpty() && regex.isEmpty() && registry.isEmpty() && status.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " has no condition");
        }
    }

    private static List<String> lower(List<String> phrases) {
        return phrases == null ? List.of()
                : phrases.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** True when every condition this rule states holds for the evidence. */
    public boolean matches(PullEvidence e) {
        String text = e.lower();
        if (!any.isEmpty() && any.stream().noneMatch(text::contains)) {
            return false;
        }
        if (!all.stream().allMatch(text::contains)) {
            return false;
        }
        if (none.stream().anyMatch(text::contains)) {
            return false;
        }
        if (!regex.isEmpty() && regex.stream().noneMatch(p -> p.matcher(e.text()).find())) {
            return false;
        }
        if (!registry.isEmpty() && (e.registryKind() == null || !registry.contains(e.registryKind()))) {
            return false;
        }
        return status.isEmpty() || (e.httpStatus() != null && status.contains(e.httpStatus()));
    }
}
