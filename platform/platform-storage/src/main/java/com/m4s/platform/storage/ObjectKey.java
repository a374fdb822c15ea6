package com.m4s.platform.storage;

import java.util.regex.Pattern;

/**
 * A key in object storage, always inside one store's namespace: {@code stores/<store>/<path>}. The path is made of
 * segments of letters, digits, {@code .}, {@code _} and {@code -} separated by {@code /} (no empty, {@code .} or
 * {@code ..} segment), so a key is the same on disk and in a bucket, and no key of one store reaches into another's.
 */
public record ObjectKey(String store, String path) {

    private static final Pattern STORE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    public ObjectKey {
        if (!STORE.matcher(store).matches()) {
            throw new IllegalArgumentException("not a store code: " + store);
        }
        String[] segments = path.split("/", -1);
        if (segments.length > 8) {
            throw new IllegalArgumentException("too many segments in " + path);
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                throw new IllegalArgumentException("not a key path: " + path);
            }
        }
    }

    /** The key as one string, {@code stores/<store>/<path>}: the file path under the root, the object key in S3. */
    public String value() {
        return "stores/" + store + "/" + path;
    }

    @Override
    public String toString() {
        return value();
    }
}
