package dev.pullfix.model.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What Pullfix remembers per user: last context, profile and region, language and theme, read-only mode and
 * the window layout. Unknown fields in the file are ignored, missing ones take their defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserSettings(String lastContext, String lastProfile, String lastRegion, String language, String theme,
                           boolean readOnly, Double windowX, Double windowY, Double windowWidth, Double windowHeight,
                           Double treeDivider, Double bottomDivider) {

    /** {@code language}: auto (follow the OS), en or ja. {@code theme}: light or dark. */
    public static UserSettings defaults() {
        return new UserSettings(null, null, null, "auto", "light", false, null, null, null, null, null, null);
    }

    public UserSettings withLastContext(String c) {
        return new UserSettings(c, lastProfile, lastRegion, language, theme, readOnly, windowX, windowY, windowWidth,
                windowHeight, treeDivider, bottomDivider);
    }

    public UserSettings withAws(String profile, String region) {
        return new UserSettings(lastContext, profile, region, language, theme, readOnly, windowX, windowY, windowWidth,
                windowHeight, treeDivider, bottomDivider);
    }

    public UserSettings withLanguage(String l) {
        return new UserSettings(lastContext, lastProfile, lastRegion, l, theme, readOnly, windowX, windowY, windowWidth,
                windowHeight, treeDivider, bottomDivider);
    }

    public UserSettings withTheme(String t) {
        return new UserSettings(lastContext, lastProfile, lastRegion, language, t, readOnly, windowX, windowY, windowWidth,
                windowHeight, treeDivider, bottomDivider);
    }

    public UserSettings withReadOnly(boolean ro) {
        return new UserSettings(lastContext, lastProfile, lastRegion, language, theme, ro, windowX, windowY, windowWidth,
                windowHeight, treeDivider, bottomDivider);
    }

    public UserSettings withWindow(double x, double y, double w, double h, double tree, double bottom) {
        return new UserSettings(lastContext, lastProfile, lastRegion, language, theme, readOnly, x, y, w, h, tree, bottom);
    }
}
