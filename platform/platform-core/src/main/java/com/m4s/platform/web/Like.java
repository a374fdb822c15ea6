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

    public static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
