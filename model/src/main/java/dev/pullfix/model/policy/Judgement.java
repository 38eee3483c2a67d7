package dev.pullfix.model.policy;

import java.util.List;

/** A three-valued answer with the reason (bundle key under {@code why.}) and its arguments. */
record Judgement(Tri tri, String code, List<String> args) {
    static Judgement yes(String code, String... args) {
        return new Judgement(Tri.YES, code, List.of(args));
    }

    static Judgement no(String code, String... args) {
        return new Judgement(Tri.NO, code, List.of(args));
    }

    static Judgement maybe(String code, String... args) {
        return new Judgement(Tri.MAYBE, code, List.of(args));
    }
}
