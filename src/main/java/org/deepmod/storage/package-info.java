/**
 * Output folders, local or on HDFS: created and checked with a probe file before anything trains
 * ({@link org.deepmod.storage.OutputFolder}), so that a folder that cannot hold the results is named at once.
 */
package org.deepmod.storage;
