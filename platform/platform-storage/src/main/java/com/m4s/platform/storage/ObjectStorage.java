package com.m4s.platform.storage;

import java.util.Optional;

/**
 * Where files live: photos now, documents later. Objects are small enough to hold in memory (a photo of a few MB);
 * a put replaces what the key held. Implementations: {@link FileObjectStorage} and {@link S3ObjectStorage}, the same
 * behaviour for both (the contract test runs one set of scenarios against each).
 */
public interface ObjectStorage {

    /** Stores {@code content} under {@code key} with its content type, replacing what was there. */
    void put(ObjectKey key, byte[] content, String contentType);

    /** The object, or empty when the key holds none. */
    Optional<StoredObject> get(ObjectKey key);

    /** Removes the object; removing a key that holds none is no error. */
    void delete(ObjectKey key);

    /** An object as read back: its bytes, content type and size in bytes. */
    record StoredObject(byte[] content, String contentType, long size) {
    }
}
