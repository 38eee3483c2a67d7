package dev.pullfix.model.lab.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Label selectors ({@code =, ==, !=, in, notin, exists, !exists, <, >}) and field selectors ({@code =, ==, !=}). */
final class Selectors {
    private Selectors() {
    }

    /** Matches everything. */
    static final Predicate<StoredObject> ALL = o -> true;

    /** Parses a label selector; an empty or null one matches everything. */
    static Predicate<StoredObject> labels(String selector) {
        if (selector == null || selector.isBlank()) {
            return ALL;
        }
        List<Predicate<Map<String, String>>> reqs = new ArrayList<>();
        for (String part : splitTopLevel(selector)) {
            reqs.add(requirement(part.trim(), selector));
        }
        return o -> {
            Map<String, String> l = o.labels();
            for (Predicate<Map<String, String>> r : reqs) {
                if (!r.test(l)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static ApiException bad(String selector, String why) {
        return ApiException.badRequest("unable to parse requirement: " + why + " in label selector \"" + selector + "\"");
    }

    private static Predicate<Map<String, String>> requirement(String r, String whole) {
        if (r.isEmpty()) {
            throw bad(whole, "found '', expected: identifier");
        }
        String lower = r;
        int sp = lower.indexOf(' ');
        String afterKey = sp > 0 ? r.substring(sp).trim() : "";
        if (sp > 0 && (afterKey.startsWith("in ") || afterKey.startsWith("in(") || afterKey.startsWith("notin"))) {
            String key = r.substring(0, sp).trim();
            String rest = afterKey;
            boolean notin = rest.startsWith("notin");
            String set = rest.substring(notin ? 5 : 2).trim();
            if (!set.startsWith("(") || !set.endsWith(")")) {
                throw bad(whole, "found '" + set + "', expected: '('");
            }
            Set<String> values = Set.copyOf(trimAll(set.substring(1, set.length() - 1).split(",")));
            checkKey(key, whole);
            return notin ? l -> !values.contains(l.get(key)) : l -> values.contains(l.get(key));
        }
        if (r.startsWith("!")) {
            String key = r.substring(1).trim();
            checkKey(key, whole);
            return l -> !l.containsKey(key);
        }
        int neq = r.indexOf("!=");
        if (neq > 0) {
            String key = r.substring(0, neq).trim();
            String val = r.substring(neq + 2).trim();
            checkKey(key, whole);
            return l -> !val.equals(l.get(key));
        }
        int eq = r.indexOf('=');
        if (eq > 0) {
            String key = r.substring(0, eq).trim();
            String val = r.substring(r.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
            checkKey(key, whole);
            return l -> val.equals(l.get(key));
        }
        int gt = r.indexOf('>');
        int lt = r.indexOf('<');
        if (gt > 0 || lt > 0) {
            int at = gt > 0 ? gt : lt;
            String key = r.substring(0, at).trim();
            long bound;
            try {
                bound = Long.parseLong(r.substring(at + 1).trim());
            } catch (NumberFormatException e) {
                throw bad(whole, "for 'Gt', 'Lt' operators, the value must be an integer");
            }
            boolean greater = gt > 0;
            return l -> {
                String v = l.get(key);
                if (v == null) {
                    return false;
                }
                try {
                    long n = Long.parseLong(v);
                    return greater ? n > bound : n < bound;
                } catch (NumberFormatException e) {
                    return false;
                }
            };
        }
        checkKey(r, whole);
        return l -> l.containsKey(r);
    }

    private static List<String> trimAll(String[] parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(p.trim());
        }
        return out;
    }

    private static void checkKey(String key, String whole) {
        if (key.isEmpty() || !key.matches("([A-Za-z0-9.-]+/)?[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?")) {
            throw bad(whole, "invalid label key \"" + key + "\"");
        }
    }

    /** Parses a field selector against the labels the type supports; unknown labels are a 400 as on a real server. */
    static Predicate<StoredObject> fields(ResourceType type, String selector) {
        if (selector == null || selector.isBlank()) {
            return ALL;
        }
        List<Predicate<StoredObject>> reqs = new ArrayList<>();
        for (String part : splitUnescaped(selector, ',')) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            boolean negate;
            int at = p.indexOf("!=");
            String field;
            String value;
            if (at > 0) {
                negate = true;
                field = p.substring(0, at);
                value = p.substring(at + 2);
            } else {
                at = p.indexOf('=');
                if (at <= 0) {
                    throw ApiException.badRequest("invalid selector: '" + selector + "'; can't understand '" + p + "'");
                }
                negate = false;
                field = p.substring(0, at);
                value = p.substring(p.startsWith("==", at) ? at + 2 : at + 1);
            }
            String v = unescape(value.trim());
            String f = field.trim();
            Predicate<StoredObject> test;
            if (f.equals("metadata.name")) {
                test = o -> v.equals(o.name());
            } else if (f.equals("metadata.namespace")) {
                test = o -> v.equals(o.namespace() == null ? "" : o.namespace());
            } else {
                int i = type.fieldIndex(f);
                if (i < 0) {
                    throw ApiException.badRequest("field label not supported: " + f);
                }
                test = o -> v.equals(o.field(i));
            }
            reqs.add(negate ? test.negate() : test);
        }
        return o -> {
            for (Predicate<StoredObject> r : reqs) {
                if (!r.test(o)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static List<String> splitUnescaped(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String unescape(String v) {
        return v.replace("\\,", ",").replace("\\=", "=").replace("\\\\", "\\");
    }
}
