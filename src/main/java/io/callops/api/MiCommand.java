package io.callops.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A management command as served over JSON-RPC.
 *
 * @param name          the method name
 * @param aliases       other names it answers to (e.g. the OpenSIPS 4.x {@code module:cmd} form)
 * @param description   one line for listings
 * @param parameterSets the allowed combinations of named parameters; a request matches a set
 *                      when its names are exactly that set, so optional parameters are extra
 *                      sets. {@code List.of(List.of())} is a command without parameters.
 *                      Positional parameters take the names of the only set of their count.
 * @param handler       what it does
 */
public record MiCommand(String name, List<String> aliases, String description, List<List<String>> parameterSets,
                        MiHandler handler) {
    public MiCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(handler, "handler");
        aliases = List.copyOf(aliases);
        if (parameterSets.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one parameter set (List.of() for none)");
        }
        List<List<String>> sets = new ArrayList<>();
        Set<Set<String>> seen = new LinkedHashSet<>();
        for (List<String> set : parameterSets) {
            if (new LinkedHashSet<>(set).size() != set.size()) {
                throw new IllegalArgumentException(name + ": parameter set repeats a name: " + set);
            }
            if (!seen.add(Set.copyOf(set))) {
                throw new IllegalArgumentException(name + ": parameter set listed twice: " + set);
            }
            sets.add(List.copyOf(set));
        }
        parameterSets = List.copyOf(sets);
    }

    /** A command without parameters or aliases. */
    public static MiCommand of(String name, String description, MiHandler handler) {
        return new MiCommand(name, List.of(), description, List.of(List.of()), handler);
    }

    public CompletionStage<Object> handle(MiParams params) {
        return handler.handle(params);
    }
}
