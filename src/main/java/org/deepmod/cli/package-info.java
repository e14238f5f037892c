/**
 * The {@code deepmod} command line (picocli): run, sweep, report, sparse, bench. Exit codes: 0 done, 2 bad input
 * (the message names the file, line or field), 1 anything else.
 */
package org.deepmod.cli;
