package org.deepmod;

/**
 * What an error message may quote of a file the user named. A message is printed, logged and pasted into
 * tickets, so it quotes only short, printable text: never the raw bytes of a binary file (a urandom CSV's
 * "header" printed as a screen of control characters) and never a long line of someone else's file.
 */
public final class UserText {
    /** The most characters of a file's text a message quotes; more is cut with an ellipsis. */
    public static final int MAX_QUOTED = 40;

    private UserText() {
    }

    /**
     * Whether the text is text: no character a UTF-8 decoder put in place of invalid bytes (U+FFFD) and no
     * control character other than a tab.
     */
    public static boolean isText(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\t')) {
                return false;
            }
        }
        return true;
    }

    /** The text as a message may quote it: at most {@link #MAX_QUOTED} characters, and never binary bytes. */
    public static String excerpt(String s) {
        if (!isText(s)) {
            return "(bytes that are not text)";
        }
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "... (" + s.length() + " characters)";
    }
}
