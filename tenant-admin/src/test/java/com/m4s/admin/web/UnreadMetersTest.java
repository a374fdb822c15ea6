package com.m4s.admin.web;

import com.m4s.platform.test.ServiceTest;
import com.m4s.platform.test.UnreadMeters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The service keeps no meter that nobody reads on a request's path ({@link UnreadMeters}). */
class UnreadMetersTest extends ServiceTest implements UnreadMeters {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext serviceContext() {
        return context;
    }
}
