package io.callops.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The management commands every layer declares. Read by the MI's I/O thread while layers may
 * still be registering, hence a concurrent map.
 */
public final class CommandRegistry {
    private final ConcurrentHashMap<String, MiCommand> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MiCommand> commands = new ConcurrentHashMap<>();

    /** Adds a command; a name or alias that is already taken is a programming error. */
    public synchronized void register(MiCommand command) {
        List<String> names = new ArrayList<>();
        names.add(command.name());
        names.addAll(command.aliases());
        for (String n : names) {
            if (byName.containsKey(n)) {
                throw new IllegalArgumentException("MI command name already registered: " + n);
            }
        }
        names.forEach(n -> byName.put(n, command));
        commands.put(command.name(), command);
    }

    /** The command with this name or alias. */
    public Optional<MiCommand> lookup(String nameOrAlias) {
        return Optional.ofNullable(byName.get(nameOrAlias));
    }

    /** Every command once, sorted by name. */
    public List<MiCommand> list() {
        List<MiCommand> out = new ArrayList<>(commands.values());
        out.sort(Comparator.comparing(MiCommand::name));
        return List.copyOf(out);
    }
}
