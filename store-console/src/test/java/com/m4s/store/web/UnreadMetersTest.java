package com.m4s.store.web;

import com.m4s.platform.test.UnreadMeters;
import com.m4s.store.support.StoreConsoleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The service keeps no meter that nobody reads on a request's path ({@link UnreadMeters}). */
class UnreadMetersTest extends StoreConsoleTest implements UnreadMeters {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext serviceContext() {
        return context;
    }
}
