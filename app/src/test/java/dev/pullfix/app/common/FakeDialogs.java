package dev.pullfix.app.common;

import java.util.ArrayList;
import java.util.List;

/** Records what the user would have seen. */
public final class FakeDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> details = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> clipboard = new ArrayList<>();
    public boolean answer;

    @Override
    public void notifyError(String title, String message, String details) {
        errors.add(title + ": " + message);
        this.details.add(details);
    }

    @Override
    public void notifyInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        return answer;
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard.add(text);
    }
}
