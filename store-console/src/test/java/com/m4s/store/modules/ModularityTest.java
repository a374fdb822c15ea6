package com.m4s.store.modules;

import com.m4s.platform.test.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * store-console's features keep their boundaries (decision 0018): they meet only at each other's public root package,
 * controllers never use repositories, {@code @Value} only in configuration, no hand-made threads. The rules and a
 * planted violation of each are in platform-test ({@code ModuleRules}, {@code ModuleRulesTest}).
 */
class ModularityTest {

    private static final ModuleRules RULES = ModuleRules.forFeaturesUnder("com.m4s.store");

    @Test
    void everyFeatureKeepsItsBoundaries() {
        RULES.check(RULES.mainClasses());
    }
}
