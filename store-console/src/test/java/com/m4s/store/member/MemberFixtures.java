package com.m4s.store.member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for member tests, as plain maps so tests can also send what the API must refuse. */
final class MemberFixtures {

    private MemberFixtures() {
    }

    static Map<String, Object> profile(String name, String phone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("phone", phone);
        p.put("source", "WALK_IN");
        return p;
    }

    static Map<String, Object> vehicle(String plate, String vin) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("plate", plate);
        v.put("vin", vin);
        v.put("model", "BMW 325Li");
        v.put("purchaseDate", "2023-05-01");
        v.put("mileageKm", 18000);
        return v;
    }

    static Map<String, Object> member(String name, String phone, Map<String, Object>... vehicles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile(name, phone));
        m.put("vehicles", new ArrayList<>(List.of(vehicles)));
        return m;
    }
}
