package com.m4s.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundle rules ({@link MessageBundles}) hold for the platform libraries' own bundles (platform-core cannot run
 * them itself: platform-test depends on it), and each rule fails on a module planted with one violation of it.
 */
class MessageBundlesTest {

    private static final MessageBundles BROKEN = MessageBundles.ofModule(planted());

    @Test
    void platformCoresBundleKeepsTheRules() {
        MessageBundles.ofModule(Path.of("../platform-core")).check();
    }

    @Test
    void platformSearchsBundleKeepsTheRules() {
        MessageBundles.ofModule(Path.of("../platform-search")).check();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(BROKEN.keysDiffer()).containsExactly("problem.only-english.title has no Chinese text",
                "problem.only-chinese.title has no English text");
    }

    @Test
    void noTextIsEmpty() {
        assertThat(BROKEN.emptyTexts()).containsExactly("problem.empty.title has an empty English text");
    }

    @Test
    void everyChineseTextIsChinese() {
        assertThat(BROKEN.untranslated()).containsExactly("problem.english.detail has no Chinese in its Chinese text:"
                + " Not Chinese", "problem.same.title is the same in Chinese as in English");
    }

    @Test
    void argumentsAndApostrophesMatchTheKindOfText() {
        assertThat(BROKEN.arguments()).containsExactly(
                "problem.doubled.detail has no arguments, so an apostrophe is written ': It''s gone",
                "problem.extra-argument.detail uses arguments in Chinese that the English has not: [0]",
                "problem.lone.detail has arguments, so an apostrophe is written '': Store '{0}' is gone");
    }

    @Test
    void everyProblemTypeNounVariantAndValidationMessageOfTheCodeHasAText() {
        assertThat(BROKEN.missingTexts()).containsExactlyInAnyOrder(
                "src/main/java/demo/Broken.java:10: no text for problem.undescribed.title",
                "src/main/java/demo/Broken.java:10: problem type undescribed has no detail",
                "src/main/java/demo/Broken.java:14: cannot tell the problem type UNKNOWN_TYPE; name it with a literal"
                        + " or a constant of the module",
                "src/main/java/demo/Broken.java:18: no text for problem.not-found.what.gizmo",
                "src/main/java/demo/Broken.java:22: no text for problem.fine.detail.missing",
                "src/main/java/demo/Broken.java:5: validation message \"must be lower-case letters\" should be a {key}"
                        + " with a text in both languages",
                "src/main/java/demo/Broken.java:6: no text for validation.none");
    }

    @Test
    void checkNamesEveryFinding() {
        assertThatThrownBy(BROKEN::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks 15 rule(s)").hasMessageContaining("problem.same.title");
    }

    private static Path planted() {
        try {
            return Path.of(MessageBundlesTest.class.getResource("/bundles/broken").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
