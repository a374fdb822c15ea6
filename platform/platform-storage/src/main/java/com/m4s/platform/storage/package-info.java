/**
 * Object storage (decision 0028): one interface, {@link com.m4s.platform.storage.ObjectStorage}, with files on disk
 * (the local stack and tests) or any S3-compatible store (Aliyun OSS, MinIO, AWS S3) chosen by
 * {@code m4s.storage.type}. Keys are namespaced by store; the database keeps keys and metadata only.
 */
@NullMarked
package com.m4s.platform.storage;

import org.jspecify.annotations.NullMarked;
