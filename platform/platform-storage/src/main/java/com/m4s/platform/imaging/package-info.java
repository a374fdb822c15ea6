/**
 * The photo pipeline (decision 0028): what an uploaded picture must be (JPEG or PNG by its content, not its name;
 * at most {@code m4s.photos.max-bytes}) and what is kept of it (orientation applied, every metadata such as the GPS
 * location dropped by re-encoding, a few widths as JPEG).
 */
@NullMarked
package com.m4s.platform.imaging;

import org.jspecify.annotations.NullMarked;
