package com.m4s.platform.test.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe's form encoding read back into a tree: {@code items[0][price]=x} becomes {@code {items: [{price: x}]}},
 * {@code expand[]=a} a list, {@code metadata[k]=v} a map. Maps whose keys are all indices become lists.
 */
final class FormParams {

    private final Map<String, Object> root;

    private FormParams(Map<String, Object> root) {
        this.root = root;
    }

    static FormParams parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                put(root, key, value);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> normalised = (Map<String, Object>) normalise(root);
        return new FormParams(normalised);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String key, String value) {
        List<String> parts = new ArrayList<>();
        int bracket = key.indexOf('[');
        if (bracket < 0) {
            parts.add(key);
        } else {
            parts.add(key.substring(0, bracket));
            int i = bracket;
            while (i < key.length() && key.charAt(i) == '[') {
                int close = key.indexOf(']', i);
                if (close < 0) {
                    break;
                }
                parts.add(key.substring(i + 1, close));
                i = close + 1;
            }
        }
        Map<String, Object> node = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            String part = parts.get(i);
            String next = parts.get(i + 1);
            if (next.isEmpty()) {
                // a[]=x: append to a list
                List<Object> list = (List<Object>) node.computeIfAbsent(part, k -> new ArrayList<>());
                if (i + 1 == parts.size() - 1) {
                    list.add(value);
                    return;
                }
                Map<String, Object> child = new LinkedHashMap<>();
                list.add(child);
                node = child;
                i++;
                continue;
            }
            Object child = node.get(part);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(part, child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(parts.getLast(), value);
    }

    @SuppressWarnings("unchecked")
    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            boolean indices = !map.isEmpty() && map.keySet().stream().allMatch(k -> ((String) k).matches("\\d+"));
            if (indices) {
                List<Object> list = new ArrayList<>();
                map.entrySet().stream()
                        .sorted((a, b) -> Integer.compare(Integer.parseInt((String) a.getKey()),
                                Integer.parseInt((String) b.getKey())))
                        .forEach(e -> list.add(normalise(e.getValue())));
                return list;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, normalise(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FormParams::normalise).toList();
        }
        return value;
    }

    Map<String, Object> asMap() {
        return root;
    }

    /** The value at a path like {@code payment_method_options.wechat_pay.client} or {@code items.0.price}. */
    Object at(String path) {
        Object node = root;
        for (String part : path.split("\\.")) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(part);
            } else if (node instanceof List<?> list && part.matches("\\d+")) {
                int index = Integer.parseInt(part);
                node = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    String string(String path) {
        Object value = at(path);
        return value instanceof String s ? s : null;
    }

    boolean has(String path) {
        return at(path) != null;
    }

    Long number(String path) {
        String value = string(path);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Invalid integer: " + value, path.replace('.', '_'));
        }
    }

    boolean flag(String path) {
        return "true".equals(string(path));
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String path) {
        Object value = at(path);
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    Map<String, String> stringMap(String path) {
        Object value = at(path);
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (v instanceof String s) {
                    out.put(k, s);
                }
            });
        }
        return out;
    }

    int size(String path) {
        Object value = at(path);
        return value instanceof List<?> list ? list.size() : 0;
    }
}
