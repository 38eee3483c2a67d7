package dev.pullfix.model.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks the existing tags of a repository against a missing one: version-like tags by semver distance first
 * (same major, then same minor, then nearest patch), then other tags by edit distance, newest pushed first among
 * equals; for a missing digest simply the newest pushed tags. Pure.
 */
public final class NearestTags {

    private static final Pattern SEMVER = Pattern.compile("^[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?([-+.].*)?$");

    private NearestTags() {
    }

    public static List<TagCandidate> rank(EcrImageId wanted, List<ImageDetail> images, int limit) {
        List<TagCandidate> all = new ArrayList<>();
        Optional<int[]> want = wanted.byDigest() ? Optional.empty() : semver(wanted.tag());
        for (ImageDetail img : images) {
            for (String tag : img.tags()) {
                if (!wanted.byDigest() && tag.equals(wanted.tag())) {
                    continue;
                }
                if (wanted.byDigest()) {
                    all.add(new TagCandidate(tag, img.digest(), img.pushedAt(), TagCandidate.Closeness.NEWEST, 0));
                    continue;
                }
                Optional<int[]> have = semver(tag);
                if (want.isPresent() && have.isPresent()) {
                    all.add(new TagCandidate(tag, img.digest(), img.pushedAt(), TagCandidate.Closeness.SEMVER,
                            versionDistance(want.get(), have.get())));
                } else {
                    all.add(new TagCandidate(tag, img.digest(), img.pushedAt(), TagCandidate.Closeness.NAME,
                            editDistance(wanted.tag().toLowerCase(Locale.ROOT), tag.toLowerCase(Locale.ROOT))));
                }
            }
        }
        Comparator<TagCandidate> newestFirst = Comparator.comparing(TagCandidate::pushedAt,
                Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        all.sort(Comparator.comparing((TagCandidate c) -> c.closeness().ordinal())
                .thenComparingInt(TagCandidate::distance).thenComparing(newestFirst)
                .thenComparing(TagCandidate::tag));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /** major, minor, patch (missing parts 0), or empty when the tag is not version-like. */
    static Optional<int[]> semver(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        Matcher m = SEMVER.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Weighted so that any major difference outranks any minor one, and minor outranks patch. */
    static int versionDistance(int[] a, int[] b) {
        long d = Math.abs((long) a[0] - b[0]) * 1_000_000L + Math.min(999, Math.abs(a[1] - b[1])) * 1_000L
                + Math.min(999, Math.abs(a[2] - b[2]));
        return (int) Math.min(Integer.MAX_VALUE, d);
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
