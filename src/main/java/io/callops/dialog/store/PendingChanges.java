package io.callops.dialog.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The changes noted but not yet written, at most one per dialog: a later change of a dialog
 * replaces its earlier one, so a dialog that changes many times between two writes is
 * written once. Callers on any thread add without locking (a concurrent map); one writer
 * takes them out.
 *
 * <p>The limit is on the number of dialogs with a pending change. A change to a dialog
 * already pending is always taken (it costs no room); a change to a new dialog is refused
 * once the limit is reached. The check and the insert are not one atomic step, so threads
 * racing at the limit may pass it by at most one change each.
 */
final class PendingChanges {
    /** One change of one dialog: {@code saved} is the state to keep, or null for a delete. */
    record Change(long id, DialogRecord saved) {
        boolean isDelete() {
            return saved == null;
        }
    }

    private final ConcurrentHashMap<Long, Change> byId = new ConcurrentHashMap<>();
    private final int limit;

    PendingChanges(int limit) {
        if (limit <= 0) throw new IllegalArgumentException("pending change limit must be positive, got " + limit);
        this.limit = limit;
    }

    /** Notes a change; false when it was refused because the limit is reached. */
    boolean offer(Change change) {
        Long id = change.id();
        if (byId.size() >= limit && !byId.containsKey(id)) return false;
        byId.put(id, change);
        return true;
    }

    /**
     * Takes every change present now. Each is removed on its own, so a change noted meanwhile
     * for the same dialog either is taken here or stays for the next call, never lost.
     */
    List<Change> takeAll() {
        List<Change> out = new ArrayList<>(byId.size());
        for (Long id : byId.keySet()) {
            Change c = byId.remove(id);
            if (c != null) out.add(c);
        }
        return out;
    }

    /** Puts back changes that could not be written, unless a newer change of the same dialog came meanwhile. */
    void putBack(List<Change> changes) {
        for (Change c : changes) byId.putIfAbsent(c.id(), c);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    int size() {
        return byId.size();
    }
}
