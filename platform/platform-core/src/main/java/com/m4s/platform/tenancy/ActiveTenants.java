package com.m4s.platform.tenancy;

import java.util.List;

/** The stores a service serves now, for work that visits each of them (delivery sweeps, search rebuilds). */
@FunctionalInterface
public interface ActiveTenants {

    List<Tenant> activeTenants();
}
