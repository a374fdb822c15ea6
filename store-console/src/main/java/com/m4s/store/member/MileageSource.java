package com.m4s.store.member;

/** Where an odometer reading comes from; later sources (an owner's own reading, a used-car inspection) add theirs. */
public enum MileageSource {
    /** A repair order from the DMS, read when the order was opened; its source reference is the DMS number. */
    REPAIR_ORDER
}
