package com.m4s.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The module rules against two small fixture services under {@code modules}: {@code sound} keeps every rule;
 * {@code broken} has one planted violation of each, and each rule must catch its own.
 */
class ModuleRulesTest {

    private static final String SOUND = "com.m4s.platform.test.modules.sound";
    private static final String BROKEN = "com.m4s.platform.test.modules.broken";
    private static final JavaClasses SOUND_CLASSES = new ClassFileImporter().importPackages(SOUND);
    private static final JavaClasses BROKEN_CLASSES = new ClassFileImporter().importPackages(BROKEN);

    private final ModuleRules sound = ModuleRules.forFeaturesUnder(SOUND);
    private final ModuleRules broken = ModuleRules.forFeaturesUnder(BROKEN);

    @Test
    void aServiceThatKeepsItsBoundariesPassesEveryRule() {
        assertThat(SOUND_CLASSES).isNotEmpty();
        sound.check(SOUND_CLASSES);
    }

    @Test
    void aFeatureReachingIntoAnotherFeaturesRepositoryEntityOrSubPackageFails() {
        EvaluationResult result = broken.featuresUseEachOtherOnlyThroughTheirRootPackage().evaluate(BROKEN_CLASSES);

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("BetaReports") && d.contains("AlphaRepository is a repository of feature 'alpha'"))
                .anyMatch(d -> d.contains("BetaReports") && d.contains("AlphaEntity is an entity of feature 'alpha'"))
                .anyMatch(d -> d.contains("AlphaRules is inside feature 'alpha', not in its root package"))
                .noneMatch(d -> d.contains("Alphas"));
    }

    @Test
    void aControllerUsingARepositoryFails() {
        EvaluationResult result = broken.controllersDoNotUseRepositories().evaluate(BROKEN_CLASSES);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).allMatch(d -> d.contains("broken.alpha.AlphaController"));
    }

    @Test
    void valueOutsideConfigurationFails() {
        EvaluationResult result = broken.valueOnlyInConfiguration().evaluate(BROKEN_CLASSES);

        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("BetaSettings.limit is @Value");
    }

    @Test
    void threadsMadeByHandFailUnlessTheClassIsNamedAsAnException() {
        EvaluationResult result = broken.noHandMadeThreads().evaluate(BROKEN_CLASSES);

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("BetaWorker") && d.contains("java.util.concurrent.Executors"))
                .anyMatch(d -> d.contains("BetaWorker") && d.contains("java.lang.Thread.<init>"))
                .anyMatch(d -> d.contains("BetaPoolConfiguration") && d.contains("java.util.concurrent.Executors"));
        assertThat(broken.allowingThreadsIn(BROKEN + ".beta.BetaWorker", BROKEN + ".beta.BetaPoolConfiguration")
                .noHandMadeThreads()
                .evaluate(BROKEN_CLASSES).hasViolation()).isFalse();
    }

    @Test
    void twoApiTypesWithOneSimpleNameFailEvenInsideAPageButOneTypeReachedTwiceDoesNot() {
        EvaluationResult result = broken.apiTypesHaveUniqueSimpleNames().evaluate(BROKEN_CLASSES);

        assertThat(result.getFailureReport().getDetails()).hasSize(2)
                .anyMatch(d -> d.contains("BetaCardsController uses " + BROKEN + ".beta.BetaCardsController$CardView")
                        && d.contains("also the name of " + BROKEN + ".alpha.AlphaController$CardView"))
                .anyMatch(d -> d.contains("AlphaController uses " + BROKEN + ".alpha.AlphaController$CardView"));
        assertThat(sound.apiTypesHaveUniqueSimpleNames().evaluate(SOUND_CLASSES).hasViolation()).isFalse();
    }

    @Test
    void checkReportsEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> broken.check(BROKEN_CLASSES)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("BetaReports").hasMessageContaining("AlphaController")
                .hasMessageContaining("BetaSettings").hasMessageContaining("BetaWorker")
                .hasMessageContaining("BetaCardsController");
    }
}
