package dev.pullfix.cli;

import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.planner.FixInput;
import dev.pullfix.model.fix.planner.FixInputs;
import dev.pullfix.model.fix.planner.FixOffer;
import dev.pullfix.model.fix.planner.FixPlanner;
import dev.pullfix.model.secret.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The values a fix needs ({@link FixPlanner#inputs}) from {@code --set key=value}, else asked on the terminal (a
 * password without echo), else a usage error naming the {@code --set} that is missing; then the planner's plans.
 * A secret given is registered as a secret at once and wiped after planning.
 */
final class FixInputsFromUser {
    private FixInputsFromUser() {
    }

    static List<FixPlan> plan(Output o, FixPlanner planner, FixOffer offer, Map<String, String> values,
                              Prompter prompter, TimeoutOption timeout) throws Exception {
        List<String> keys = offer.inputs().stream().map(FixInput::key).toList();
        for (String k : values.keySet()) {
            if (!keys.contains(k)) {
                throw o.usage(o.t("cli", "cli.fix.unknownInput", offer.proposal().kind().name(), k,
                        keys.isEmpty() ? "-" : String.join(", ", keys)));
            }
        }
        FixInputs in = FixInputs.none();
        try {
            List<String> missing = new ArrayList<>();
            for (FixInput i : offer.inputs()) {
                String raw = values.containsKey(i.key()) ? read(values.get(i.key())) : null;
                String label = o.i18n().text(i.label());
                if (i.kind() == FixInput.Kind.SECRET) {
                    char[] s = raw != null ? raw.toCharArray()
                            : i.required() ? prompter.askSecret(label + ": ").orElse(null) : null;
                    if (s == null || s.length == 0) {
                        if (i.required()) {
                            missing.add(i.key());
                        }
                        continue;
                    }
                    Secrets.register(new String(s));
                    in.withSecret(i.key(), s);
                    Arrays.fill(s, '\0');
                    continue;
                }
                String v = raw;
                if (v == null && i.required() && i.suggested() == null) {
                    String hint = i.choices().isEmpty() ? "" : " (" + String.join(", ",
                            i.choices().subList(0, Math.min(5, i.choices().size()))) + ")";
                    v = prompter.ask(label + hint + ": ").filter(a -> !a.isBlank()).orElse(null);
                    if (v == null) {
                        missing.add(i.key());
                        continue;
                    }
                }
                in.with(i.key(), v);
            }
            if (!missing.isEmpty()) {
                throw o.usage(o.t("cli", "cli.fix.missingInput", offer.proposal().kind().name(),
                        String.join(" ", missing.stream().map(k -> "--set " + k + "=...").toList())));
            }
            return timeout.start().run(() -> planner.plan(offer.proposal(), in));
        } finally {
            in.wipe();
        }
    }

    /** {@code @FILE} reads the file, {@code -} standard input; anything else is the value. */
    private static String read(String value) throws IOException {
        if ("-".equals(value)) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (value.startsWith("@") && value.length() > 1) {
            return Files.readString(Path.of(value.substring(1)), StandardCharsets.UTF_8).strip();
        }
        return value;
    }

}
