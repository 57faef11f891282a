package io.switchboard.customers.services.internal;

import java.util.Arrays;

/** Whether two names are probably the same person's, written differently. */
public final class NameSimilarity {

    /** Jaro-Winkler similarity from which two normalised names count as the same. */
    static final double THRESHOLD = 0.93;

    /** Compares two names as typed: accents, case, punctuation, spacing and word order do not matter. */
    public static boolean similar(String a, String b) {
        return similarNormalised(Normalize.name(a), Normalize.name(b));
    }

    /** Compares two names already passed through {@link Normalize#name(String)}. */
    static boolean similarNormalised(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b) || a.replace(" ", "").equals(b.replace(" ", "")) || sortedWords(a).equals(sortedWords(b))) {
            return true;
        }
        // "Store 12" and "Store 13" are two branches, however alike the letters.
        if (!Normalize.phone(a).equals(Normalize.phone(b))) {
            return false;
        }
        return jaroWinkler(a, b) >= THRESHOLD;
    }

    /** "Smith John" and "John Smith" are one name. */
    private static String sortedWords(String name) {
        String[] words = name.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }

    static double jaroWinkler(String a, String b) {
        int range = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - range);
            int to = Math.min(b.length() - 1, i + range);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private NameSimilarity() {
    }
}
