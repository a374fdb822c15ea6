package com.m4s.store.member;

import java.util.Optional;

/**
 * The advisors a new member may be recorded as brought in by, and their names: the store's advisor directory
 * (decision 0038). The advisor feature implements it, so the member feature does not depend on the feature that
 * builds on members.
 */
public interface ReferringAdvisors {

    /** The name of the directory's advisor with this username; empty when the store's directory has no such advisor. */
    Optional<String> nameOf(String username);
}
