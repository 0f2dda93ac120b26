package io.callops.server.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line. {@code --config} and {@code --print-config} are declared here; the one
 * override option per config key is added from {@link ConfigKeys} so the two cannot drift apart.
 */
@Command(name = "callops",
        mixinStandardHelpOptions = true,
        versionProvider = CliOptions.Version.class,
        sortOptions = false,
        abbreviateSynopsis = true,
        description = "A SIP proxy that controls calls in progress.%n"
                + "Every config file key can be overridden by the option named in docs/configuration.md.",
        footer = "%nExit codes: 0 ok, 2 bad command line or configuration.")
public final class CliOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (default: built-in defaults)")
    Path config;

    @Option(names = "--print-config", description = "Print the effective configuration as YAML and exit")
    boolean printConfig;

    /**
     * Parses {@code args} into an outcome; never exits and never prints.
     */
    public static ParsedCommandLine parse(String[] args) {
        CommandLine cl = commandLine();
        CliOptions opts = cl.getCommand();
        ParseResult pr;
        try {
            pr = cl.parseArgs(args);
        } catch (ParameterException e) {
            return usageError(e);
        }
        if (cl.isUsageHelpRequested()) {
            return new ParsedCommandLine.Exit(0, cl.getUsageMessage());
        }
        if (cl.isVersionHelpRequested()) {
            return new ParsedCommandLine.Exit(0, String.join(System.lineSeparator(), cl.getCommandSpec().version()) + System.lineSeparator());
        }
        try {
            ServerConfig config = ConfigLoader.load(opts.config, overrides(pr));
            if (opts.printConfig) {
                return new ParsedCommandLine.Exit(0, ConfigWriter.toYaml(config));
            }
            return new ParsedCommandLine.Run(config);
        } catch (ConfigException e) {
            return new ParsedCommandLine.Exit(ConfigException.EXIT_CODE, "callops: " + e.getMessage() + System.lineSeparator());
        }
    }

    /** The picocli model with every option, also usable to render --help elsewhere. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CliOptions());
        CommandSpec spec = cl.getCommandSpec();
        for (ConfigKey k : ConfigKeys.ALL) {
            spec.addOption(optionFor(k));
        }
        return cl;
    }

    private static OptionSpec optionFor(ConfigKey k) {
        String desc = k.description() + " [" + k.path() + defaultText(k) + "]";
        OptionSpec.Builder b = OptionSpec.builder(k.option()).paramLabel(k.label()).description(desc);
        switch (k.kind()) {
            case INT:
                b.type(Integer.class);
                break;
            case BOOL:
                // "--sip-trace" alone means true; "--record-route=false" turns a default-true switch off.
                b.type(Boolean.class).arity("0..1").paramLabel("true|false");
                break;
            case STRING:
            case OPTIONAL_STRING:
                b.type(String.class);
                break;
            case LIST:
            case MAP:
                b.type(String[].class).arity("1");
                break;
            default:
                throw new IllegalStateException(k.kind().toString());
        }
        return b.build();
    }

    private static String defaultText(ConfigKey k) {
        Object d = k.defaultValue();
        if (d == null || (d instanceof List && ((List<?>) d).isEmpty()) || (d instanceof Map && ((Map<?, ?>) d).isEmpty())) {
            return "";
        }
        if (d instanceof List) {
            return ", default: " + String.join(", ", ((List<?>) d).stream().map(String::valueOf).toList());
        }
        return ", default: " + (d.toString().isEmpty() ? "\"\"" : d);
    }

    /** The options actually given, as {@code dotted key -> value} for {@link ConfigLoader}. */
    private static Map<String, Object> overrides(ParseResult pr) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ConfigKey k : ConfigKeys.ALL) {
            if (!pr.hasMatchedOption(k.option())) {
                continue;
            }
            Object v = pr.matchedOptionValue(k.option(), null);
            switch (k.kind()) {
                case LIST:
                    out.put(k.path(), List.of((String[]) v));
                    break;
                case MAP:
                    out.put(k.path(), parsePairs(k.option(), (String[]) v));
                    break;
                default:
                    out.put(k.path(), v);
            }
        }
        return out;
    }

    /** {@code --route service=sip:127.0.0.1:25080}: split at the first '=' (URIs may contain more). */
    static Map<String, String> parsePairs(String option, String[] values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new ConfigException("option " + option + ": expected PREFIX=sip:host:port (got '" + v + "')");
            }
            String key = v.substring(0, eq).trim();
            if (out.put(key, v.substring(eq + 1).trim()) != null) {
                throw new ConfigException("option " + option + ": '" + key + "' is given twice");
            }
        }
        return out;
    }

    private static ParsedCommandLine usageError(ParameterException e) {
        StringBuilder msg = new StringBuilder("callops: ").append(e.getMessage());
        if (e instanceof UnmatchedArgumentException) {
            List<String> suggestions = ((UnmatchedArgumentException) e).getSuggestions();
            if (!suggestions.isEmpty()) {
                msg.append(System.lineSeparator()).append("Did you mean: ").append(String.join(", ", suggestions)).append('?');
            }
        }
        msg.append(System.lineSeparator()).append("Try 'callops --help' for the list of options.").append(System.lineSeparator());
        return new ParsedCommandLine.Exit(ConfigException.EXIT_CODE, msg.toString());
    }

    /** Version from the jar manifest; "dev" when run from classes (IDE, tests). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CliOptions.class.getPackage().getImplementationVersion();
            return new String[] {"callops " + (v == null ? "dev" : v)};
        }
    }
}
