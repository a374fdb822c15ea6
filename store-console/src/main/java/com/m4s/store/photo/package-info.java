/**
 * Photos of the store (decision 0028): uploads from owners and staff go through the photo pipeline into object
 * storage (three sizes, metadata stripped); features keep photo references and hand out signed links to read them.
 */
@NullMarked
package com.m4s.store.photo;

import org.jspecify.annotations.NullMarked;
