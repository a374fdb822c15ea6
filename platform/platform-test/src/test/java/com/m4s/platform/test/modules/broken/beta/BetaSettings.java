package com.m4s.platform.test.modules.broken.beta;

import org.springframework.beans.factory.annotation.Value;

/** Planted: @Value outside configuration. */
class BetaSettings {

    @Value("${beta.limit:3}")
    int limit;
}
