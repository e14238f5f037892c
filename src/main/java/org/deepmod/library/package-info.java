/**
 * Libraries of candidate terms: from a network's jet, the matrix Θ of candidate terms and the time derivatives
 * u_t ({@link org.deepmod.library.Library1D}: powers of the fields times their x-derivatives;
 * {@link org.deepmod.library.Library2D}); term names ({@link org.deepmod.library.TermNames}); the float64 copy
 * every estimator and constraint reads ({@link org.deepmod.library.LibraryColumns}); and the hand-written step's
 * library with its gradient ({@link org.deepmod.library.HandWrittenTerms}). No Spark here.
 */
package org.deepmod.library;
