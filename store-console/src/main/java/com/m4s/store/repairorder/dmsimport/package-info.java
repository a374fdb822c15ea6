/**
 * The DMS file import (INT-1, decision 0030 "DMS import"): a CSV or Excel file of repair order lines, grouped by order
 * number, fed through the same upsert as the REST batch, in the background by the per-store job runner, with its
 * progress and rejected rows kept in the store's {@code repair_order_import} tables.
 */
@NullMarked
package com.m4s.store.repairorder.dmsimport;

import org.jspecify.annotations.NullMarked;
