package com.m4s.platform.test.modules.broken.alpha.internal;

public class AlphaRules {

    public static boolean valid(String name) {
        return !name.isBlank();
    }
}
