/**
 * The store's DMS credential: a Keycloak client of its own with which the store's DMS sends repair orders through
 * the batch endpoint, made, rotated and revoked by the store's manager (decision 0034).
 */
@NullMarked
package com.m4s.store.repairorder.credential;

import org.jspecify.annotations.NullMarked;
