package com.m4s.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Objects as files under a root folder: {@code <root>/stores/<store>/<path>}, the content type in a sibling file
 * {@code <name>.content-type}. A put writes a temporary file and moves it into place, so a reader sees the old
 * object or the new one, never half of one.
 */
public final class FileObjectStorage implements ObjectStorage {

    private static final String TYPE_SUFFIX = ".content-type";

    private final Path root;

    public FileObjectStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(ObjectKey key, byte[] content, String contentType) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            move(write(file, contentType.getBytes(StandardCharsets.UTF_8)), typeFile(file));
            move(write(file, content), file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> get(ObjectKey key) {
        Path file = file(key);
        try {
            byte[] content = Files.readAllBytes(file);
            String type = Files.readString(typeFile(file), StandardCharsets.UTF_8);
            return Optional.of(new StoredObject(content, type, content.length));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + key, e);
        }
    }

    @Override
    public void delete(ObjectKey key) {
        Path file = file(key);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(typeFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + key, e);
        }
    }

    private Path file(ObjectKey key) {
        Path file = root.resolve(key.value()).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("key outside the storage root: " + key);
        }
        return file;
    }

    private static Path typeFile(Path file) {
        return file.resolveSibling(file.getFileName() + TYPE_SUFFIX);
    }

    private static Path write(Path next, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(next.getParent(), ".put-", ".tmp");
        Files.write(temp, bytes);
        return temp;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
