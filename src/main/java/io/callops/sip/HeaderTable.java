package io.callops.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ordered header lines of one message. A line that nobody changed stays a slice of the
 * bytes it was parsed from and is written back byte for byte; a line that was added or
 * changed is kept as text. Packing the slices into one array keeps a parse down to a
 * handful of allocations whatever the number of headers. Almost every message lies within
 * 64 KiB of its first byte, so offsets are then stored as 16-bit distances from that byte,
 * which halves the table; larger messages fall back to absolute int offsets.
 */
final class HeaderTable {
    private static final int STRIDE = 4;
    private static final int LINE_START = 0;
    private static final int LINE_END = 1;   // exclusive, includes the line terminator
    private static final int VALUE_START = 2;
    private static final int VALUE_END = 3;  // exclusive, trailing white space removed

    private final byte[] buf;
    private final int base;   // offsets in `narrow` are distances from here
    private byte[] names;     // HeaderName ordinal per line
    private char[] narrow;    // STRIDE offsets per line, when the message fits in 64 KiB ...
    private int[] wide;       // ... else absolute offsets here (exactly one of the two is set)
    private String[] editedNames;  // allocated on the first edit
    private String[] editedValues; // null entry = untouched slice
    private int size;

    /** A table for slices of {@code buf[base, limit)}. */
    HeaderTable(byte[] buf, int base, int limit, int capacity) {
        this.buf = buf;
        this.base = base;
        int rows = Math.max(4, capacity);
        this.names = new byte[rows];
        if (limit - base <= 0xFFFF) {
            this.narrow = new char[rows * STRIDE];
        } else {
            this.wide = new int[rows * STRIDE];
        }
    }

    private HeaderTable(HeaderTable other) {
        this.buf = other.buf;
        this.base = other.base;
        this.names = other.names.clone();
        this.narrow = other.narrow == null ? null : other.narrow.clone();
        this.wide = other.wide == null ? null : other.wide.clone();
        this.editedNames = other.editedNames == null ? null : other.editedNames.clone();
        this.editedValues = other.editedValues == null ? null : other.editedValues.clone();
        this.size = other.size;
    }

    HeaderTable copy() {
        return new HeaderTable(this);
    }

    int size() {
        return size;
    }

    void addRaw(HeaderName name, int lineStart, int lineEnd, int valueStart, int valueEnd) {
        ensureCapacity(size + 1);
        names[size] = (byte) name.ordinal();
        put(size, LINE_START, lineStart);
        put(size, LINE_END, lineEnd);
        put(size, VALUE_START, valueStart);
        put(size, VALUE_END, valueEnd);
        size++;
    }

    private int at(int row, int field) {
        int k = row * STRIDE + field;
        return narrow != null ? base + narrow[k] : wide[k];
    }

    private void put(int row, int field, int offset) {
        int k = row * STRIDE + field;
        if (narrow != null) {
            narrow[k] = (char) (offset - base);
        } else {
            wide[k] = offset;
        }
    }

    /** Moves {@code rows} rows from {@code from} to {@code to} (ranges may overlap). */
    private void moveRows(int from, int to, int rows) {
        System.arraycopy(names, from, names, to, rows);
        if (narrow != null) {
            System.arraycopy(narrow, from * STRIDE, narrow, to * STRIDE, rows * STRIDE);
        } else {
            System.arraycopy(wide, from * STRIDE, wide, to * STRIDE, rows * STRIDE);
        }
    }

    HeaderName name(int i) {
        return HEADER_NAMES[names[i]];
    }

    private static final HeaderName[] HEADER_NAMES = HeaderName.values();

    /** The header's name as it should be written: as received, or canonical for new lines. */
    String nameText(int i) {
        if (isEdited(i)) {
            return editedNames[i];
        }
        int start = at(i, LINE_START);
        int end = start;
        while (end < buf.length && buf[end] != ':' && buf[end] != ' ' && buf[end] != '\t') {
            end++;
        }
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    boolean isEdited(int i) {
        return editedValues != null && editedValues[i] != null;
    }

    /** The value with line folding replaced by a single space (RFC 3261 §7.3.1). */
    String value(int i) {
        if (isEdited(i)) {
            return editedValues[i];
        }
        int vs = at(i, VALUE_START);
        int ve = at(i, VALUE_END);
        for (int k = vs; k < ve; k++) {
            if (buf[k] == '\r' || buf[k] == '\n') {
                return unfold(vs, ve);
            }
        }
        return new String(buf, vs, ve - vs, StandardCharsets.UTF_8);
    }

    private String unfold(int vs, int ve) {
        StringBuilder sb = new StringBuilder(ve - vs);
        String raw = new String(buf, vs, ve - vs, StandardCharsets.UTF_8);
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\r' || c == '\n') {
                while (i < raw.length() && (raw.charAt(i) == '\r' || raw.charAt(i) == '\n'
                        || raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
                    i++;
                }
                sb.append(' ');
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Start of the raw value in the message bytes, or -1 for an edited line. */
    int rawValueStart(int i) {
        return isEdited(i) ? -1 : at(i, VALUE_START);
    }

    int rawValueEnd(int i) {
        return isEdited(i) ? -1 : at(i, VALUE_END);
    }

    byte[] buffer() {
        return buf;
    }

    int indexOf(HeaderName name, int from) {
        int ord = name.ordinal();
        for (int i = from; i < size; i++) {
            if (names[i] == ord) {
                return i;
            }
        }
        return -1;
    }

    int indexOfOther(String name, int from) {
        for (int i = from; i < size; i++) {
            if (names[i] == HeaderName.OTHER.ordinal() && nameText(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    void insert(int index, HeaderName name, String nameText, String value) {
        ensureCapacity(size + 1);
        ensureEdits(names.length);
        moveRows(index, index + 1, size - index);
        System.arraycopy(editedNames, index, editedNames, index + 1, size - index);
        System.arraycopy(editedValues, index, editedValues, index + 1, size - index);
        names[index] = (byte) name.ordinal();
        editedNames[index] = nameText;
        editedValues[index] = value;
        size++;
    }

    void set(int index, String value) {
        ensureEdits(names.length);
        if (editedNames[index] == null || editedValues[index] == null) {
            HeaderName n = name(index);
            editedNames[index] = n == HeaderName.OTHER ? nameText(index) : n.canonical();
        }
        editedValues[index] = value;
    }

    void remove(int index) {
        moveRows(index + 1, index, size - index - 1);
        if (editedValues != null) {
            System.arraycopy(editedNames, index + 1, editedNames, index, size - index - 1);
            System.arraycopy(editedValues, index + 1, editedValues, index, size - index - 1);
            editedNames[size - 1] = null;
            editedValues[size - 1] = null;
        }
        size--;
    }

    /**
     * True when the lines are untouched slices lying back to back over {@code buf[from, to)}:
     * written out, they would be exactly that range.
     */
    boolean isSliceOf(int from, int to) {
        int pos = from;
        for (int i = 0; i < size; i++) {
            if (isEdited(i) || at(i, LINE_START) != pos) return false;
            pos = at(i, LINE_END);
        }
        return pos == to;
    }

    /** Bytes this table writes, for sizing the output array. */
    int encodedLength() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (isEdited(i)) {
                n += utf8Length(editedNames[i]) + 2 + utf8Length(editedValues[i]) + 2;
            } else {
                n += at(i, LINE_END) - at(i, LINE_START);
            }
        }
        return n;
    }

    int writeTo(byte[] out, int pos) {
        for (int i = 0; i < size; i++) {
            if (isEdited(i)) {
                pos = putUtf8(out, pos, editedNames[i]);
                out[pos++] = ':';
                out[pos++] = ' ';
                pos = putUtf8(out, pos, editedValues[i]);
                out[pos++] = '\r';
                out[pos++] = '\n';
            } else {
                int s = at(i, LINE_START);
                int len = at(i, LINE_END) - s;
                System.arraycopy(buf, s, out, pos, len);
                pos += len;
            }
        }
        return pos;
    }

    /**
     * Bytes of {@code s} in UTF-8 as {@link #putUtf8} writes it: a lone surrogate (which a string
     * from a management request can hold) becomes '?', as {@code String.getBytes} makes it.
     */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (!Character.isSurrogate(c)) {
                n += 3;
            } else if (isPairAt(s, i)) {
                n += 4;
                i++;
            } else {
                n++;
            }
        }
        return n;
    }

    /** Writes {@code s} in UTF-8 from {@code pos}; returns the position after it. */
    static int putUtf8(byte[] out, int pos, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | c >> 6);
                out[pos++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[pos++] = (byte) (0xE0 | c >> 12);
                out[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[pos++] = (byte) (0x80 | c & 0x3F);
            } else if (isPairAt(s, i)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[pos++] = (byte) (0xF0 | cp >> 18);
                out[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[pos++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[pos++] = '?';
            }
        }
        return pos;
    }

    private static boolean isPairAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private void ensureCapacity(int entries) {
        if (entries > names.length) {
            int rows = Math.max(entries, size * 2);
            names = Arrays.copyOf(names, rows);
            if (narrow != null) {
                narrow = Arrays.copyOf(narrow, rows * STRIDE);
            } else {
                wide = Arrays.copyOf(wide, rows * STRIDE);
            }
        }
        if (editedValues != null && editedValues.length < names.length) {
            editedNames = Arrays.copyOf(editedNames, names.length);
            editedValues = Arrays.copyOf(editedValues, names.length);
        }
    }

    private void ensureEdits(int capacity) {
        if (editedValues == null) {
            editedNames = new String[capacity];
            editedValues = new String[capacity];
        }
    }
}
