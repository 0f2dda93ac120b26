package io.callops.mi.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code callops-cli}: the command line client of the callops management interface. */
@Command(name = "callops-cli",
        mixinStandardHelpOptions = true,
        versionProvider = CallopsCli.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Manages a running callops over its management interface (JSON-RPC over HTTP).",
        footer = {"%nExamples:",
                "  callops-cli mi version",
                "  callops-cli mi get_statistics core: mi:",
                "  callops-cli -o url=http://127.0.0.1:8888/mi events E_CALL_HOLD",
                "%nExit status: 0 ok, 1 the MI answered an error, 2 bad command line,",
                "3 the MI cannot be reached or answered an HTTP error,",
                "4 events --timeout ran out before --count events arrived."})
public final class CallopsCli implements Callable<Integer> {

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = {
            "url=URL: the MI (default " + MiEndpoint.DEFAULT_URL + ", or $" + MiEndpoint.URL_ENV + ")",
            "token=TOKEN: sent as 'Authorization: Bearer TOKEN' (default $" + MiEndpoint.TOKEN_ENV + ")"})
    private Map<String, String> options = new LinkedHashMap<>();

    @Spec
    private CommandSpec spec;

    private final CliEnvironment environment;

    private CallopsCli(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: results carry SIP URIs and display names in any script.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, new CliEnvironment(out, err, System.getenv(), StopSignal::onInterruptOrTerminate));
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line and returns its exit status; never exits the JVM. */
    static int run(String[] args, CliEnvironment environment) {
        CallopsCli root = new CallopsCli(environment);
        CommandLine cl = new CommandLine(root);
        cl.addSubcommand(new MiSubcommand(root));
        cl.addSubcommand(new EventsSubcommand(root));
        // After METHOD every word is an MI argument, even one that starts with '-' (a negative number).
        cl.getSubcommands().get("mi").setStopAtPositional(true);
        cl.setOut(new PrintWriter(new OutputStreamWriter(environment.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(environment.err(), StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(CallopsCli::usageError);
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            environment.err().println("callops-cli: unexpected failure: " + e);
            return ExitStatus.INTERNAL;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command: mi or events");
    }

    CliEnvironment environment() {
        return environment;
    }

    /** A client for the MI these options and the environment point at; a bad URL is a usage error. */
    MiHttpClient client(CommandLine caller) {
        try {
            return new MiHttpClient(MiEndpoint.resolve(options, environment.env()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(caller, e.getMessage());
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("callops-cli: " + e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                err.println("Did you mean: " + String.join(", ", suggestions) + "?");
            }
        }
        err.println("Try 'callops-cli --help'.");
        return ExitStatus.USAGE;
    }

    /** The jar's version; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CallopsCli.class.getPackage().getImplementationVersion();
            return new String[] {"callops-cli " + (v == null ? "dev" : v)};
        }
    }
}
