package io.callops.mi.cli;

/**
 * The MI gave no JSON-RPC answer: no connection, a timeout, an HTTP error status (401, 413, ...)
 * or a body that is not JSON-RPC. The message is one line saying which, for the user.
 */
final class MiUnreachableException extends Exception {
    MiUnreachableException(String message) {
        super(message, null, false, false); // reported to the user, never a stack trace
    }
}
