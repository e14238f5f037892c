package org.deepmod;

/**
 * Input the user can fix: a config field, a data file, a command-line value. The message names the file,
 * line, column or config path and says what is wrong; the command line turns it into exit code 2.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
