/**
 * {@code callops-cli}: the command line client of the management interface. {@code mi} runs one
 * MI command with the argument conventions of {@code opensips-cli -x mi}; {@code events}
 * subscribes to events over UDP and prints each one as a line of JSON. Talks to the MI over
 * HTTP only, so it works against any callops (or OpenSIPS) it can reach.
 */
package io.callops.mi.cli;
