package com.m4s.platform.search;

import com.m4s.platform.tenancy.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every kind of a store's documents shares: its name, its index definition read from the class path
 * ({@code /search/<name>.json}), and a rebuild that reads the store's rows in id order a page at a time, each page in
 * a read-only transaction of its own ({@link #page}). A feature declares its kind by extending this.
 */
public abstract class StoreIndexedKind implements IndexedKind {

    private final String name;
    private final String definition;
    private final TransactionTemplate tx;

    protected StoreIndexedKind(String name, TransactionTemplate tx) {
        this.name = name;
        this.tx = tx;
        String resource = "/search/" + name + ".json";
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the class path");
            }
            this.definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String indexDefinition() {
        return definition;
    }

    /** The store's documents after the id {@code after}, at most {@code size}, in id order. */
    protected abstract List<IndexChange> page(Tenant store, UUID after, int size);

    @Override
    public final void load(Tenant store, int pageSize, Consumer<List<IndexChange>> page) {
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<IndexChange> changes = tx.execute(status -> {
                status.setRollbackOnly();
                return new ArrayList<>(page(store, from, pageSize));
            });
            if (changes == null || changes.isEmpty()) {
                return;
            }
            page.accept(changes);
            after = UUID.fromString(changes.getLast().id());
            if (changes.size() < pageSize) {
                return;
            }
        }
    }
}
