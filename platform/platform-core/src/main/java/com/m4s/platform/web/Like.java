package com.m4s.platform.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Search text to a LIKE pattern; queries use it with {@code escape '\'} so %, _ and \ in the text match literally. */
public final class Like {

    private Like() {
    }

    /** {@code "A_b"} becomes {@code "%a\_b%"}; blank text matches everything. */
    public static String contains(@Nullable String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The grams a text must hold to contain {@code text}, space-separated for {@code string_to_array(:grams, ' ')}:
     * the character itself for one character, else each pair of neighbouring characters, lower-case, none with
     * white space. Matched with {@code @>} against a column computed by the SQL function {@code text_grams} (all
     * single characters and pairs of a text; {@code db/search/001-text-grams.xml}) under a GIN index, they find the
     * candidate rows of a {@link #contains} search without reading the table; the LIKE then checks each candidate.
     * Works the same for Chinese names, phone digits and plates: one character is already a useful search in Chinese.
     */
    public static String grams(@Nullable String text) {
        int[] chars = (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)).codePoints().toArray();
        java.util.Set<String> grams = new java.util.LinkedHashSet<>();
        if (chars.length == 1) {
            grams.add(new String(chars, 0, 1));
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            if (!Character.isWhitespace(chars[i]) && !Character.isWhitespace(chars[i + 1])) {
                grams.add(new String(chars, i, 2));
            }
        }
        return String.join(" ", grams);
    }

    public static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
