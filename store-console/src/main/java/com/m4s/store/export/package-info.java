/**
 * Excel export of list pages (decision 0024): a streamed .xlsx of the rows a list's filters match, with headers in
 * the caller's language and times in the store's zone. Features declare an {@link com.m4s.store.export.ExcelTable}
 * and hand their rows to {@link com.m4s.store.export.ExcelExports}.
 */
@NullMarked
package com.m4s.store.export;

import org.jspecify.annotations.NullMarked;
