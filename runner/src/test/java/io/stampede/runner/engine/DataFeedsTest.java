package io.stampede.runner.engine;

import io.stampede.runner.model.spec.DataPick;
import io.stampede.runner.scenario.data.DataTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How rows are handed out: slices per worker, unique rows held and returned, sequential wrapping. */
class DataFeedsTest {

    private static DataTable table(int rows, DataPick pick) {
        return new DataTable("t", pick, List.of("id"),
                IntStream.range(0, rows).mapToObj(i -> List.of(Integer.toString(i))).toList());
    }

    private static List<Integer> takeAll(DataFeeds.Feed feed) {
        List<Integer> rows = new ArrayList<>();
        for (int row = feed.take(new SplittableRandom(1)); row >= 0; row = feed.take(new SplittableRandom(1))) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void threeWorkersSplitSeventeenUniqueRowsIntoDisjointContiguousSlicesCoveringEveryRow() {
        Set<Integer> all = new HashSet<>();
        List<List<Integer>> slices = new ArrayList<>();
        for (int worker = 0; worker < 3; worker++) {
            List<Integer> slice = takeAll(DataFeeds.of(List.of(table(17, DataPick.UNIQUE)), worker, 3).feed(0));
            slices.add(slice);
            slice.forEach(row -> assertThat(all.add(row)).as("row " + row + " twice").isTrue());
        }
        assertThat(slices.get(0)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(slices.get(1)).containsExactly(6, 7, 8, 9, 10, 11);
        assertThat(slices.get(2)).containsExactly(12, 13, 14, 15, 16);
    }

    @Test
    void aUniqueRowReturnedByItsUserGoesToTheNextUser() {
        DataFeeds.Feed feed = DataFeeds.of(List.of(table(2, DataPick.UNIQUE)), 0, 1).feed(0);
        SplittableRandom random = new SplittableRandom(1);
        int first = feed.take(random);
        int second = feed.take(random);

        assertThat(feed.take(random)).isEqualTo(-1);
        feed.release(first);
        assertThat(feed.take(random)).isEqualTo(first).isNotEqualTo(second);
    }

    @Test
    void sequentialWrapsWithinTheWorkersSliceAndRandomDrawsFromEveryRow() {
        DataFeeds.Feed sequential = DataFeeds.of(List.of(table(6, DataPick.SEQUENTIAL)), 1, 2).feed(0);
        SplittableRandom random = new SplittableRandom(7);
        List<Integer> drawn = new ArrayList<>();
        for (int i = 0; i < 7; i++) drawn.add(sequential.take(random));
        assertThat(drawn).containsExactly(3, 4, 5, 3, 4, 5, 3);

        DataFeeds.Feed any = DataFeeds.of(List.of(table(6, DataPick.RANDOM)), 1, 2).feed(0);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) seen.add(any.take(random));
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    @Test
    void moreWorkersThanRowsLeavesSomeWorkersNoUniqueRowButStillSequentialOnes() {
        assertThat(takeAll(DataFeeds.of(List.of(table(2, DataPick.UNIQUE)), 2, 3).feed(0))).isEmpty();
        assertThat(DataFeeds.of(List.of(table(2, DataPick.SEQUENTIAL)), 2, 3).feed(0).take(new SplittableRandom(1)))
                .isBetween(0, 1);
    }
}
