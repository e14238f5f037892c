/**
 * Training a DeepMoD model ({@link org.deepmod.training.DeepMoD}: network, library, estimator, constraint):
 * {@link org.deepmod.training.Trainer} runs the loop, with the step chosen once
 * ({@code HandWrittenStep} or {@code AutogradStep}), {@link org.deepmod.training.Adam}, the sparsity schedulers
 * ({@link org.deepmod.training.PeriodicScheduler}, {@link org.deepmod.training.LossPlateauScheduler}), convergence, and the trace
 * entries a listener receives. Options by {@link org.deepmod.training.TrainingOptions#builder()}. No Spark here.
 */
package org.deepmod.training;
