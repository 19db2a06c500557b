/**
 * MovieLens-100K ratings, official ua/ub splits and side information. The files are never shipped: GroupLens'
 * licence forbids redistribution.
 */
package io.gnn4j.datasets.movielens;
