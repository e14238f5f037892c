/**
 * Libraries of candidate terms: from a network's jet, the matrix Θ of candidate terms and the time derivatives
 * u_t ({@link org.deepmod.library.Library1D}: powers of the fields times their x-derivatives;
 * {@link org.deepmod.library.Library2D}). A library is one list of {@link org.deepmod.library.Term terms}
 * (products of outputs and derivatives) from which everything else follows: the names
 * ({@link org.deepmod.library.TermNames}), the values on DJL arrays ({@code TermColumns}), and the hand-written
 * step's values with their gradient ({@link org.deepmod.library.HandWrittenTerms}). The float64 columns every
 * estimator and constraint reads: {@link org.deepmod.library.LibraryColumns}. Adding a candidate term: one more
 * entry in the library's list of terms ({@code Library1D.combinations}). No Spark here.
 */
package org.deepmod.library;
