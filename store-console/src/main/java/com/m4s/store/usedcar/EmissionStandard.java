package com.m4s.store.usedcar;

/**
 * China's vehicle emission standards (国III to 国VI b), and {@link #NEV} for battery-electric cars, which have none.
 * Cities restrict the registration of cars below a standard, so buyers filter by it.
 */
public enum EmissionStandard {
    CN3, CN4, CN5, CN6A, CN6B, NEV
}
