package com.m4s.store.usedcar;

/** Transmission type, as buyers filter by it. */
public enum Gearbox {
    MANUAL, AUTOMATIC, DUAL_CLUTCH, CVT, SINGLE_SPEED
}
