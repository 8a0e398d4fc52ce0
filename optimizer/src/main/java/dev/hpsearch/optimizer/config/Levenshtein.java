package dev.hpsearch.optimizer.config;

import java.util.Collection;
import java.util.Optional;

/** Suggests the closest known key for a misspelt one. */
final class Levenshtein {
    private Levenshtein() {
    }

    static int distance(String a, String b) {
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

    /** The known key nearest to {@code key}, if it is near enough to be a plausible typo. */
    static Optional<String> closest(String key, Collection<String> known) {
        String lower = key.toLowerCase();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(lower, k.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int limit = Math.max(2, key.length() / 3);
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }
}
