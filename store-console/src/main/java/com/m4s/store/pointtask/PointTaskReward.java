package com.m4s.store.pointtask;

/** How a task's points are worked out. */
public enum PointTaskReward {
    /** The same points every time. */
    FIXED,
    /** Points per yuan the customer paid on the order (客户帐), rounded down: only for order triggers. */
    RATIO
}
