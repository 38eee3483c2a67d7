package dev.pullfix.model.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders {@link Message}s with the bundles of the resources module in English or Japanese, for front ends and for the
 * files Pullfix writes in the user's language (reports). A missing key renders as {@code !key!}, which the bundle
 * tests keep from happening.
 */
public final class Texts {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    public static Texts english() {
        return new Texts(Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    public String render(Message m) {
        if (m == null) {
            return "";
        }
        Object[] args = m.args().stream().map(a -> a instanceof Message inner ? render(inner) : a).toArray();
        return text(m.bundle(), m.key(), args);
    }

    /** One bundle text with MessageFormat arguments. */
    public String text(String bundle, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle("dev.pullfix.i18n." + bundle, locale, NO_FALLBACK).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** True when the bundle has the key in this language. */
    public boolean has(String bundle, String key) {
        try {
            return ResourceBundle.getBundle("dev.pullfix.i18n." + bundle, locale, NO_FALLBACK).containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }
}
