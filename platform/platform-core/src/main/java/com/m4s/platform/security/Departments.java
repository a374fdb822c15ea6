package com.m4s.platform.security;

import java.util.Set;

/** Departments of store staff (the {@code m4s_department} claim), for {@link Permission#departments()}. */
public final class Departments {

    public static final String SALES = "sales";
    public static final String SERVICE = "service";
    public static final String CUSTOMER_CARE = "customer_care";
    public static final String FINANCE = "finance";
    public static final String WORKSHOP = "workshop";

    public static final Set<String> ALL = Set.of(SALES, SERVICE, CUSTOMER_CARE, FINANCE, WORKSHOP);

    private Departments() {
    }
}
