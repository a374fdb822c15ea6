package com.m4s.infra.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid member data derived from a sequence number: member {@code n} always gets the same name, phone, plate and
 * VIN, and no two members of a store share a phone, plate or VIN. Names combine a common surname and given name, so
 * the search fragments below each match a few percent of the members.
 */
final class BenchMembers {

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高");
    private static final List<String> GIVEN_NAMES = List.of("建国", "秀英", "志强", "伟", "洋", "丽", "杰", "敏", "凯",
            "静", "磊", "娜", "军", "霞", "勇", "艳", "涛", "芳", "明", "婷", "超", "玲", "斌", "华", "鹏", "晨", "宇",
            "欣", "浩然", "子涵");
    static final List<String> MODELS = List.of("BMW 325Li", "Mercedes C 260L", "Toyota Camry 凯美瑞",
            "Honda Accord 雅阁", "Volkswagen Passat", "Audi A4L", "Nissan Sylphy 轩逸", "BYD Han 汉");
    /** Plates use letters except I and O; VINs also leave out Q. */
    private static final String PLATE_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final String VIN_CHARACTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final String VIN_PREFIX = "LM4SBENCH";

    private BenchMembers() {
    }

    /** The body of {@code POST /api/stores/{store}/members} for member {@code n}: profile and one vehicle. */
    static Map<String, Object> newMember(int n) {
        Map<String, Object> vehicle = new LinkedHashMap<>();
        vehicle.put("plate", plate(n));
        vehicle.put("vin", vin(n));
        vehicle.put("model", MODELS.get(n % MODELS.size()));
        vehicle.put("purchaseDate", "2021-0" + (1 + n % 9) + "-15");
        vehicle.put("mileageKm", 1_000 + n % 90_000);
        Map<String, Object> profile = Map.of("name", name(n), "phone", phone(n), "source", "WALK_IN");
        return Map.of("profile", profile, "vehicles", List.of(vehicle));
    }

    static String name(int n) {
        return SURNAMES.get(n % SURNAMES.size()) + GIVEN_NAMES.get(n / SURNAMES.size() % GIVEN_NAMES.size());
    }

    /** {@code 139} and eight digits of {@code n}. */
    static String phone(int n) {
        return Format.of("139%08d", n);
    }

    /** {@code 粤B} and {@code n} in five plate characters. */
    static String plate(int n) {
        return "粤B" + digits(n, PLATE_CHARACTERS, 5);
    }

    /** A fixed 9-character prefix and {@code n} in eight VIN characters: 17 in all. */
    static String vin(int n) {
        return VIN_PREFIX + digits(n, VIN_CHARACTERS, 17 - VIN_PREFIX.length());
    }

    /** The {@code n}-th search text: given names and surnames in turn, from 1 to 2 characters. */
    static String searchFragment(int n) {
        int i = Math.floorMod(n, GIVEN_NAMES.size() + SURNAMES.size());
        return i < GIVEN_NAMES.size() ? GIVEN_NAMES.get(i) : SURNAMES.get(i - GIVEN_NAMES.size());
    }

    /** Search texts checked before measuring: a two-character given name and a one-character surname. */
    static List<String> checkedFragments() {
        return List.of(GIVEN_NAMES.getFirst(), SURNAMES.getFirst());
    }

    /** {@code n} written with {@code alphabet} as digits, most significant first, padded to {@code length}. */
    private static String digits(int n, String alphabet, int length) {
        char[] out = new char[length];
        long rest = n;
        for (int i = length - 1; i >= 0; i--) {
            out[i] = alphabet.charAt((int) (rest % alphabet.length()));
            rest /= alphabet.length();
        }
        if (rest != 0) {
            throw new IllegalArgumentException(n + " does not fit in " + length + " characters");
        }
        return new String(out);
    }
}
