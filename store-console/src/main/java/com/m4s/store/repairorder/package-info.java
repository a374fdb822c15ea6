/**
 * Repair orders from the DMS (INT-1), decision 0030: upserted in batches by DMS order number and content hash, with
 * lines by account type. Settling grants each line's points (pending through the refund window); a refunded line
 * takes exactly its points back, a reversal all of the order's, a correction the difference. Every move is an event
 * on topic {@value com.m4s.store.repairorder.RepairOrderEvents#TOPIC}.
 */
@NullMarked
package com.m4s.store.repairorder;

import org.jspecify.annotations.NullMarked;
