package dev.pullfix.model.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders a repository's tags for someone whose tag does not exist: version-like tags nearest by version (same major,
 * then minor, then patch), then other tags by edit distance; among equals the higher version first (the registry API
 * has no push dates, so version order stands for "newest"). Pure.
 */
public final class TagRanking {
    private static final Pattern VERSION = Pattern.compile("^[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?([-+.].*)?$");

    private TagRanking() {
    }

    /** The tags nearest {@code wanted} (a tag, or null for "newest first"), at most {@code limit}. */
    public static List<String> nearest(String wanted, List<String> tags, int limit) {
        int[] want = wanted == null ? null : version(wanted);
        record Ranked(String tag, int group, long distance, int[] version) {
        }
        List<Ranked> all = new ArrayList<>();
        for (String t : tags) {
            if (t.equals(wanted)) {
                continue;
            }
            int[] v = version(t);
            if (wanted == null) {
                all.add(new Ranked(t, v != null ? 0 : 1, 0, v));
            } else if (want != null && v != null) {
                all.add(new Ranked(t, 0, distance(want, v), v));
            } else {
                all.add(new Ranked(t, want != null ? 1 : 0, edit(wanted.toLowerCase(Locale.ROOT),
                        t.toLowerCase(Locale.ROOT)), v));
            }
        }
        Comparator<Ranked> newer = (a, b) -> {
            if (a.version() == null || b.version() == null) {
                return a.version() == null ? (b.version() == null ? 0 : 1) : -1;
            }
            for (int i = 0; i < 3; i++) {
                int c = Integer.compare(b.version()[i], a.version()[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        all.sort(Comparator.comparingInt(Ranked::group).thenComparingLong(Ranked::distance).thenComparing(newer)
                .thenComparing(Ranked::tag));
        return all.stream().limit(limit).map(Ranked::tag).toList();
    }

    static int[] version(String tag) {
        Matcher m = VERSION.matcher(tag);
        if (!m.matches()) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long distance(int[] a, int[] b) {
        return Math.abs((long) a[0] - b[0]) * 1_000_000L + Math.min(999, Math.abs(a[1] - b[1])) * 1_000L
                + Math.min(999, Math.abs(a[2] - b[2]));
    }

    private static int edit(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
