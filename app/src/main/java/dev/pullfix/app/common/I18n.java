package dev.pullfix.app.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Looks up display text in the key-based bundles of the resources module ({@code dev/pullfix/i18n/*}). */
public final class I18n {
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = locale;
    }

    /** English or Japanese, following the OS locale. */
    public static I18n forDefaultLocale() {
        return new I18n(Locale.getDefault().getLanguage().equals("ja") ? Locale.JAPANESE : Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    /** {@code app.title} style keys are looked up in bundle {@code dev/pullfix/i18n/app}. */
    public String t(String key, Object... args) {
        return text("app", key, args);
    }

    /** The text if the bundle has the key. */
    public java.util.Optional<String> find(String bundle, String key, Object... args) {
        String s = text(bundle, key, args);
        return s.equals("!" + key + "!") ? java.util.Optional.empty() : java.util.Optional.of(s);
    }

    /** A text the model returned as a code with arguments (nested messages rendered first). */
    public String text(dev.pullfix.model.text.Message m) {
        return new dev.pullfix.model.text.Texts(locale).render(m);
    }

    public String text(String bundle, String key, Object... args) {
        try {
            ResourceBundle b = ResourceBundle.getBundle("dev.pullfix.i18n." + bundle, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = b.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
