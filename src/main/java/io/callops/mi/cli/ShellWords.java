package io.callops.mi.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words as a POSIX shell does (and Python's {@code shlex.split}, which
 * opensips-cli uses on list values): blanks separate words, single quotes keep everything,
 * double quotes keep everything but backslash escapes of {@code " \ $ `}, and a backslash
 * outside quotes keeps the next character.
 */
final class ShellWords {
    private ShellWords() {}

    /** @throws IllegalArgumentException on an unclosed quote or a trailing backslash */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        // A quoted empty string ('') is a word, so "in a word" cannot be read from its length.
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("no closing quotation in: " + text);
                }
                word.append(text, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                i = readDoubleQuoted(text, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new IllegalArgumentException("nothing after the last backslash in: " + text);
                }
                word.append(text.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the double-quoted part starting at {@code from}; returns the index after the closing quote. */
    private static int readDoubleQuoted(String text, int from, StringBuilder word) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("no closing quotation in: " + text);
    }
}
