package com.m4s.platform.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Puts the {@link TestClock} of the test's context back on real time after every test and every test class, so a
 * test that moved time leaves nothing behind in the context Spring shares between test classes.
 */
public class TestClockReset extends AbstractTestExecutionListener {

    @Override
    public void afterTestMethod(TestContext testContext) {
        reset(testContext);
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        reset(testContext);
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    private static void reset(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
        }
    }
}
