package com.m4s.store.web;

import com.m4s.platform.test.MessageBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The module's problem texts (src/main/resources/i18n) keep the bundle rules: the same keys in English and Chinese,
 * no empty or untranslated text, and a text for every problem type, detail and validation message the code names.
 */
class MessageBundleTest {

    @Test
    void theBundleKeepsTheRules() {
        MessageBundles.ofModule(Path.of("")).check();
    }
}
