package io.callops.mi.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code callops-cli mi METHOD [ARGS...]}: one MI command, its result printed as JSON. */
@Command(name = "mi",
        mixinStandardHelpOptions = true,
        description = "Runs one MI command and prints its result as JSON on stdout; an MI error goes to stderr.",
        footer = {"%nArguments as with opensips-cli -x mi: when every ARG is NAME=VALUE they are named",
                "parameters, otherwise positional; values are sent as strings. get_statistics takes a",
                "list: get_statistics core: tm:  or  get_statistics statistics=\"core: tm:\""})
final class MiSubcommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "METHOD", description = "the MI command, e.g. version, which, get_statistics")
    private String method;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "NAME=VALUE (named) or VALUE (positional)")
    private List<String> args = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private final CallopsCli root;

    MiSubcommand(CallopsCli root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        CliEnvironment io = root.environment();
        MiHttpClient mi = root.client(spec.commandLine());
        Object params;
        try {
            params = OpensipsCliParams.of(method, args);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        MiReply reply;
        try {
            reply = mi.call(method, params);
        } catch (MiUnreachableException e) {
            io.err().println("callops-cli: " + e.getMessage());
            return ExitStatus.UNREACHABLE;
        }
        if (reply.isError()) {
            io.err().println("callops-cli: MI command '" + method + "' failed: " + JsonOutput.compact(reply.error()));
            return ExitStatus.MI_ERROR;
        }
        io.out().println(JsonOutput.pretty(reply.result()));
        io.out().flush();
        return ExitStatus.OK;
    }
}
