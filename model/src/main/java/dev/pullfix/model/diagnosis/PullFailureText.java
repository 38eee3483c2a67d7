package dev.pullfix.model.diagnosis;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders a {@link PullFailure} in English or Japanese from the {@code dev/pullfix/i18n/classifier} bundle.
 * Summaries are MessageFormat patterns; empty arguments become a localised placeholder ("the image").
 */
public final class PullFailureText {

    public static final String BUNDLE = "dev.pullfix.i18n.classifier";
    private static final String[] PLACEHOLDERS = {"unknown.image", "unknown.registry", "unknown.repository",
        "unknown.tag", "unknown.status", "unknown.account", "unknown.region", "unknown.problem"};

    private final Locale locale;
    private final ResourceBundle bundle;

    public PullFailureText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English or Japanese by language tag ({@code en}, {@code ja}); anything else is English. */
    public static PullFailureText forLanguage(String language) {
        return new PullFailureText("ja".equalsIgnoreCase(language) ? Locale.JAPANESE : Locale.ROOT);
    }

    /** The one-sentence summary. */
    public String summary(PullFailure failure) {
        List<String> args = failure.summaryArgs();
        Object[] values = new Object[PLACEHOLDERS.length];
        for (int i = 0; i < values.length; i++) {
            String v = i < args.size() ? args.get(i) : "";
            if (i == 7 && !v.isEmpty()) {
                v = plain(v, v);
            }
            values[i] = v.isEmpty() ? plain(PLACEHOLDERS[i], "?") : v;
        }
        try {
            String text = new MessageFormat(bundle.getString(failure.summaryCode()), locale).format(values);
            // an English sentence may start with a placeholder ("the registry ..."); other scripts have no case
            boolean english = locale.getLanguage().isEmpty() || locale.getLanguage().equals("en");
            return text.isEmpty() || !english || !Character.isLowerCase(text.charAt(0)) ? text
                    : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        } catch (MissingResourceException e) {
            return failure.summaryCode();
        }
    }

    /** The next checks, most useful first. */
    public List<String> nextChecks(PullFailure failure) {
        List<String> out = new ArrayList<>();
        for (String code : failure.nextChecks()) {
            out.add(plain(code, code));
        }
        return out;
    }

    /** The display name of a category. */
    public String category(PullFailureCategory category) {
        return plain("category." + category.name(), category.name());
    }

    /** A plain (non-MessageFormat) text by key, or the fallback when the key is missing. */
    public String plain(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
