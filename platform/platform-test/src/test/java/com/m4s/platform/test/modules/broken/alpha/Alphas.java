package com.m4s.platform.test.modules.broken.alpha;

public class Alphas {

    public String name() {
        return "alpha";
    }
}
