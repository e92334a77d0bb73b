package io.stampede.runner.engine;

import io.stampede.runner.model.spec.DataPick;
import io.stampede.runner.scenario.data.DataTable;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where this process's virtual users draw their spec.data rows. A worker of a distributed run draws {@code unique}
 * and {@code sequential} rows from its own slice only, so that no two workers hand out the same row: of R rows and
 * n workers, worker i takes the contiguous rows from {@code i*(R/n) + min(i, R%n)}, {@code R/n} of them plus one
 * when {@code i < R%n} (locally: worker 0 of 1, every row). {@code random} draws from every row.
 *
 * <p>Threading: shared by every event loop; every method is thread safe.
 */
final class DataFeeds {

    /** One source's rows as this process hands them out. */
    static final class Feed {
        final DataTable table;
        final boolean unique;
        private final int first;
        private final int count;
        private final AtomicLong cursor = new AtomicLong();
        /** Unique only: the rows of the slice no running user holds. */
        private final ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>();

        Feed(DataTable table, int workerIndex, int workers) {
            this.table = table;
            this.unique = table.pick() == DataPick.UNIQUE;
            int rows = table.size();
            int base = rows / workers;
            int extra = rows % workers;
            int sliceCount = base + (workerIndex < extra ? 1 : 0);
            boolean sliced = table.pick() != DataPick.RANDOM && (unique || sliceCount > 0);
            this.first = sliced ? workerIndex * base + Math.min(workerIndex, extra) : 0;
            this.count = sliced ? sliceCount : rows;
            if (unique) {
                for (int row = first; row < first + count; row++) free.add(row);
            }
        }

        /**
         * A row index of the table (0-based): unique, one no running user holds, or -1 when every row of the slice
         * is held; sequential, the next in file order (wrapping); random, any.
         */
        int take(SplittableRandom random) {
            return switch (table.pick()) {
                case UNIQUE -> {
                    Integer row = free.poll();
                    yield row == null ? -1 : row;
                }
                case SEQUENTIAL -> first + (int) Math.floorMod(cursor.getAndIncrement(), (long) count);
                case RANDOM -> random.nextInt(count);
            };
        }

        /** A unique row's user ended: the row may go to another user. */
        void release(int row) {
            if (unique) free.add(row);
        }

        /** Rows this process hands out. */
        int rows() {
            return count;
        }
    }

    static final DataFeeds NONE = new DataFeeds(new Feed[0]);

    private final Feed[] feeds;

    private DataFeeds(Feed[] feeds) {
        this.feeds = feeds;
    }

    /**
     * @param workerIndex this worker, 0..workers-1 (0 locally)
     * @param workers     workers in the run, >= 1 (1 locally)
     */
    static DataFeeds of(List<DataTable> tables, int workerIndex, int workers) {
        if (tables.isEmpty()) return NONE;
        return new DataFeeds(tables.stream().map(t -> new Feed(t, workerIndex, workers)).toArray(Feed[]::new));
    }

    int count() {
        return feeds.length;
    }

    Feed feed(int source) {
        return feeds[source];
    }
}
