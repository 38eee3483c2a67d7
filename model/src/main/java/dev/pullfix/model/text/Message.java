package dev.pullfix.model.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A user-facing text as the model returns it: a key in one of the bundles of the resources module
 * ({@code dev/pullfix/i18n/<bundle>.properties} and {@code <bundle>_ja.properties}) with its arguments, never the
 * English sentence. Front ends render it in the user's language ({@link Texts}, the GUI's I18n); an argument that is
 * itself a Message is rendered first.
 *
 * @param bundle bundle name, e.g. {@code fix} or {@code diagnosis}
 * @param key    key within the bundle, e.g. {@code plan.setImage}
 * @param args   MessageFormat arguments: strings, numbers, or nested Messages
 */
public record Message(String bundle, String key, List<Object> args) {
    public Message {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(key, "key");
        args = args == null ? List.of() : List.copyOf(args.stream().map(a -> a == null ? "" : a).toList());
    }

    public static Message of(String bundle, String key, Object... args) {
        return new Message(bundle, key, Arrays.asList(args));
    }

    @Override
    public String toString() {
        return bundle + ":" + key + args;
    }
}
