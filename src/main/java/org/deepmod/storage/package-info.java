/**
 * Files, local or on HDFS, through Hadoop's FileSystem: reading a data file whole
 * ({@link org.deepmod.storage.HadoopFiles}) with timeouts that name an unreachable namenode
 * ({@link org.deepmod.storage.HadoopTimeouts}); output folders created and checked with a probe file before
 * anything trains ({@link org.deepmod.storage.OutputFolder}); whole files written by name
 * ({@link org.deepmod.storage.OutputFiles}); and the lock that keeps one sweep per folder
 * ({@link org.deepmod.storage.OutputLock}).
 */
package org.deepmod.storage;
