package io.callops.mi.cli;

/** The exit statuses of callops-cli, which scripts test for. */
final class ExitStatus {
    static final int OK = 0;
    /** The MI answered with a JSON-RPC error. */
    static final int MI_ERROR = 1;
    /** The command line was wrong (picocli's own usage status). */
    static final int USAGE = 2;
    /** The MI could not be reached, or answered with an HTTP error or with something not JSON-RPC. */
    static final int UNREACHABLE = 3;
    /** {@code events --count N --timeout S}: the time ran out before N events arrived. */
    static final int TIMED_OUT = 4;
    /** callops-cli itself failed: a bug, told in one line (sysexits' EX_SOFTWARE, apart from the MI's 1). */
    static final int INTERNAL = 70;

    private ExitStatus() {}
}
