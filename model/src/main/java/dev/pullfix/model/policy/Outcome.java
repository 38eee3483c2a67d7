package dev.pullfix.model.policy;

import java.util.List;

/** A three-valued answer with the reason (bundle key under {@code why.}) and its arguments. */
record Outcome(Tri tri, String code, List<String> args) {
    static Outcome yes(String code, String... args) {
        return new Outcome(Tri.YES, code, List.of(args));
    }

    static Outcome no(String code, String... args) {
        return new Outcome(Tri.NO, code, List.of(args));
    }

    static Outcome maybe(String code, String... args) {
        return new Outcome(Tri.MAYBE, code, List.of(args));
    }
}
