package com.m4s.platform.test.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The fixture's objects as Stripe's JSON, each owned by an account ({@code null}: the platform account). Callers hold
 * the server's lock.
 */
final class ObjectStore {

    record Stored(String account, JsonObject json) {
        String type() {
            return json.get("object").getAsString();
        }
    }

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Stored> objects = new LinkedHashMap<>();
    private long sequence;

    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append("_1");
        for (int i = 0; i < 23; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** A new object with Stripe's common fields; the caller fills the rest. */
    JsonObject create(String account, String prefix, String type, long created) {
        JsonObject json = new JsonObject();
        json.addProperty("id", newId(prefix));
        json.addProperty("object", type);
        json.addProperty("created", created);
        json.addProperty("livemode", false);
        json.addProperty("_seq", ++sequence);
        objects.put(json.get("id").getAsString(), new Stored(account, json));
        return json;
    }

    /** Adds an object whose id the caller chose. */
    void put(String account, JsonObject json) {
        json.addProperty("_seq", ++sequence);
        objects.put(json.get("id").getAsString(), new Stored(account, json));
    }

    /** The object if it exists on that account and has that type, else Stripe's 404. */
    JsonObject require(String id, String account, String type, String param) {
        Stored stored = id == null ? null : objects.get(id);
        if (stored == null || !Objects.equals(stored.account, account) || !stored.type().equals(type)) {
            throw ApiError.noSuch(type, id, param);
        }
        return stored.json;
    }

    Stored find(String id) {
        return id == null ? null : objects.get(id);
    }

    String accountOf(String id) {
        Stored stored = objects.get(id);
        return stored == null ? null : stored.account;
    }

    /** Objects of a type on an account, newest first as Stripe lists. */
    List<JsonObject> list(String type, String account, Predicate<JsonObject> filter) {
        List<JsonObject> out = new ArrayList<>();
        for (Stored stored : objects.values()) {
            if (stored.type().equals(type) && Objects.equals(stored.account, account) && filter.test(stored.json)) {
                out.add(stored.json);
            }
        }
        out.sort(Comparator.comparingLong((JsonObject o) -> o.get("_seq").getAsLong()).reversed());
        return out;
    }

    /** The JSON to answer: a copy without the fixture's own fields, with {@code expand} applied. */
    JsonObject render(JsonObject json, List<String> expand) {
        JsonObject copy = strip(json);
        for (String path : expand) {
            expand(copy, path.split("\\."), 0);
        }
        return copy;
    }

    private void expand(JsonObject node, String[] path, int index) {
        String field = path[index];
        JsonElement value = node.get(field);
        if (value == null || value.isJsonNull()) {
            return;
        }
        if (field.equals("data") && value.isJsonArray() && index + 1 < path.length) {
            for (JsonElement element : value.getAsJsonArray()) {
                if (element.isJsonObject()) {
                    expand(element.getAsJsonObject(), path, index + 1);
                }
            }
            return;
        }
        if (value.isJsonPrimitive()) {
            Stored target = objects.get(value.getAsString());
            if (target == null) {
                return;
            }
            JsonObject expanded = strip(target.json);
            node.add(field, expanded);
            value = expanded;
        }
        if (index + 1 < path.length && value.isJsonObject()) {
            expand(value.getAsJsonObject(), path, index + 1);
        }
    }

    static JsonObject strip(JsonObject json) {
        JsonObject copy = json.deepCopy();
        copy.keySet().removeIf(k -> k.startsWith("_"));
        return copy;
    }

    // ---- JSON helpers

    static JsonObject listOf(List<JsonObject> data, String url, boolean hasMore) {
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        JsonArray array = new JsonArray();
        data.forEach(d -> array.add(strip(d)));
        list.add("data", array);
        list.addProperty("has_more", hasMore);
        list.addProperty("url", url);
        return list;
    }

    static JsonObject metadata(Map<String, String> values) {
        JsonObject metadata = new JsonObject();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                metadata.addProperty(k, v);
            }
        });
        return metadata;
    }

    /** Applies {@code metadata[k]=v} updates: an empty value removes the key, as Stripe does. */
    static void updateMetadata(JsonObject json, Map<String, String> values) {
        JsonObject metadata = json.has("metadata") && json.get("metadata").isJsonObject()
                ? json.getAsJsonObject("metadata") : new JsonObject();
        values.forEach((k, v) -> {
            if (v.isEmpty()) {
                metadata.remove(k);
            } else {
                metadata.addProperty(k, v);
            }
        });
        json.add("metadata", metadata);
    }

    static String str(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    static long num(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value == null || value.isJsonNull() ? 0 : value.getAsLong();
    }

    static JsonObject obj(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsJsonObject();
    }

    static void putNull(JsonObject json, String... fields) {
        for (String field : fields) {
            json.add(field, JsonNull.INSTANCE);
        }
    }

    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** The top-level fields whose values differ, with their old values: an event's previous_attributes. */
    static JsonObject previous(JsonObject before, JsonObject after) {
        JsonObject previous = new JsonObject();
        for (String key : before.keySet()) {
            if (key.startsWith("_")) {
                continue;
            }
            if (!Objects.equals(before.get(key), after.get(key))) {
                previous.add(key, before.get(key).deepCopy());
            }
        }
        return previous;
    }
}
