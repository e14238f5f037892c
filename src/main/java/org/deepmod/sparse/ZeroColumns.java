package org.deepmod.sparse;

/** What {@link UnitNormFit} does with a library column that is identically zero (its norm is 0). */
public enum ZeroColumns {
    /** Coefficient 0, never selected; the estimator sees the other columns. Training uses this: a column can vanish. */
    EXCLUDE,
    /** Bad input naming the column: the command line uses this, since a zero column in a file is a mistake. */
    REJECT
}
