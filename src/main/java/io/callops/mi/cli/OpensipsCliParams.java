package io.callops.mi.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the words after {@code mi METHOD} into JSON-RPC params the way {@code opensips-cli -x mi}
 * does, so that the same command lines work with both:
 * <ul>
 * <li>when every word starts with {@code NAME=} (NAME of letters, {@code . - _}; no digits, as
 *     in opensips-cli) the params are named, value = everything after the first {@code =};
 *     otherwise they are positional. No words at all is an empty named set {@code {}}.</li>
 * <li>values stay strings, also when they look like numbers, as opensips-cli sends them: a
 *     Call-ID or user {@code 007} must reach the command as typed, and the MI reads a number
 *     from a string where a command needs one.</li>
 * <li>a few commands take a list: named, the value is split into words
 *     ({@code statistics="core: tm:"}); positional, every word from the list's position on
 *     becomes one list ({@code get_statistics core: tm:}).</li>
 * </ul>
 */
final class OpensipsCliParams {
    private static final Pattern NAMED = Pattern.compile("^[a-zA-Z.\\-_]+=");

    /** A command parameter that takes a list, and its position when given positionally. */
    private record ListParam(int position, String name) {}

    /** Only commands callops has (or is getting): get_statistics, and raise_event of the event interface. */
    private static final Map<String, ListParam> LIST_PARAMS = Map.of(
            "get_statistics", new ListParam(0, "statistics"),
            "raise_event", new ListParam(1, "params"));

    private OpensipsCliParams() {}

    /**
     * @return a {@code Map<String, Object>} for named params or a {@code List<Object>} for positional
     *         ones; values are strings or lists of strings
     * @throws IllegalArgumentException when a list value has an unclosed quote
     */
    static Object of(String method, List<String> words) {
        ListParam list = LIST_PARAMS.get(method);
        if (words.stream().allMatch(w -> NAMED.matcher(w).find())) {
            Map<String, Object> named = new LinkedHashMap<>();
            for (String w : words) {
                int eq = w.indexOf('=');
                String name = w.substring(0, eq);
                String value = w.substring(eq + 1);
                named.put(name, list != null && list.name().equals(name) ? ShellWords.split(value) : value);
            }
            return named;
        }
        List<Object> positional = new ArrayList<>();
        if (list == null) {
            positional.addAll(words);
            return positional;
        }
        int at = Math.min(list.position(), words.size());
        positional.addAll(words.subList(0, at));
        if (words.size() > at) {
            positional.add(List.copyOf(words.subList(at, words.size())));
        }
        return positional;
    }
}
