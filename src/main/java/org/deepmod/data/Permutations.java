package org.deepmod.data;

import java.util.Random;

/**
 * Seeded random row orders. java.util.Random, because its algorithm is fixed by its specification: the same
 * seed gives the same rows on every JVM (driver, executors, a rerun months later).
 */
final class Permutations {

    private Permutations() {
    }

    /** The first {@code count} entries of a uniformly random permutation of 0..size-1 (partial Fisher–Yates). */
    static int[] randomPrefix(int size, int count, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] prefix = new int[count];
        System.arraycopy(order, 0, prefix, 0, count);
        return prefix;
    }
}
