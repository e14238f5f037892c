package org.deepmod.library;

import org.deepmod.modules.ModuleProvider;
import org.deepmod.sparse.EstimatorParameters;

/**
 * A library as a plug-in ({@code library: {type: ...}}): list the class in
 * {@code META-INF/services/org.deepmod.library.LibraryProvider} of a jar on the classpath. A library whose
 * {@link Library#terms()} are {@link Term}s trains on the hand-written step; one that only evaluates on DJL
 * arrays says so in {@link Library#handWrittenObstacle()} and trains through autograd.
 */
public interface LibraryProvider extends ModuleProvider {

    /**
     * The library for data with {@code outputs} fields and {@code spatialDims} space dimensions; a combination
     * it cannot take is an {@link IllegalArgumentException} whose message says why.
     */
    Library create(EstimatorParameters parameters, int outputs, int spatialDims);
}
