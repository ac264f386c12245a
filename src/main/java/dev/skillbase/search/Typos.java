package dev.skillbase.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings one edit away from a word: one letter or digit deleted, inserted or replaced, or two neighbours
 * swapped ("pyhton" and "python"). Insertions and replacements draw on a-z, 0-9 and the word's own characters, so a
 * typo in a non-ASCII word is found too. A word shorter than {@link #MIN_LENGTH} has no variants: three letters
 * one edit apart are too often another word.
 */
final class Typos {
    static final int MIN_LENGTH = 4;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Typos() {
    }

    /** The distinct strings one edit away from {@code word}, without the word itself; none when it is short. */
    static List<String> variants(String word) {
        if (word.length() < MIN_LENGTH) {
            return List.of();
        }
        Set<Integer> letters = new LinkedHashSet<>();
        ALPHABET.codePoints().forEach(letters::add);
        word.codePoints().forEach(letters::add);
        int[] cps = word.codePoints().toArray();
        Set<String> variants = new LinkedHashSet<>();
        for (int i = 0; i < cps.length; i++) {
            variants.add(join(cps, 0, i) + join(cps, i + 1, cps.length));
            if (i + 1 < cps.length) {
                variants.add(join(cps, 0, i) + Character.toString(cps[i + 1]) + Character.toString(cps[i])
                        + join(cps, i + 2, cps.length));
            }
        }
        for (int i = 0; i <= cps.length; i++) {
            for (int letter : letters) {
                String c = Character.toString(letter);
                variants.add(join(cps, 0, i) + c + join(cps, i, cps.length));
                if (i < cps.length) {
                    variants.add(join(cps, 0, i) + c + join(cps, i + 1, cps.length));
                }
            }
        }
        variants.remove(word);
        return List.copyOf(variants);
    }

    private static String join(int[] cps, int from, int to) {
        return new String(cps, from, to - from);
    }
}
