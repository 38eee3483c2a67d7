package dev.pullfix.model.diagnosis.runbook;

import java.util.Locale;

/** A text in English and Japanese, as written in the runbook files. */
public record Text(String en, String ja) {

    /** The Japanese text for a Japanese locale, the English one otherwise. */
    public String in(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? ja : en;
    }
}
