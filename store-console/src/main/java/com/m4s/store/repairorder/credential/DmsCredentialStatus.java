package com.m4s.store.repairorder.credential;

/** A DMS credential is ACTIVE from its creation (its secret may be rotated any number of times) until REVOKED. */
public enum DmsCredentialStatus {
    ACTIVE,
    REVOKED
}
