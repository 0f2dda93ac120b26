package io.callops.transport;

import java.util.function.Function;

/**
 * The texts of the last few values formatted, by hash: for values written again and again
 * (the proxy's own addresses in every Via, the same peer's flow in every call), where
 * formatting costs several strings each time. Shared between threads without a lock: a
 * racy read sees an old entry or a newer one, both complete (immutable); a miss only
 * formats again.
 */
public final class RecentTexts<K> {
    private record Written<K>(K key, String text) {}

    private final Written<K>[] slots;
    private final Function<K, String> format;

    /** @param slots a power of two */
    @SuppressWarnings("unchecked")
    public RecentTexts(int slots, Function<K, String> format) {
        if (Integer.bitCount(slots) != 1) throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        this.slots = (Written<K>[]) new Written<?>[slots];
        this.format = format;
    }

    /** The text of {@code key} (not null), formatted once while it stays among the recent ones. */
    public String of(K key) {
        int slot = key.hashCode() & (slots.length - 1);
        Written<K> w = slots[slot];
        if (w != null && w.key.equals(key)) {
            return w.text;
        }
        String text = format.apply(key);
        slots[slot] = new Written<>(key, text);
        return text;
    }
}
