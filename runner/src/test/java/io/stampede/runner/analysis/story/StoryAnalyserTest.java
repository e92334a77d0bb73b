package io.stampede.runner.analysis.story;

import io.stampede.runner.stats.HistorySecond;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.stampede.runner.analysis.story.SyntheticRun.PRODUCTS;
import static io.stampede.runner.analysis.story.SyntheticRun.SEARCH;
import static org.assertj.core.api.Assertions.assertThat;

/** The story of synthetic runs whose shape is known: each pattern, mixes, noise, runs too short to judge. */
class StoryAnalyserTest {

    /** Users 20, 40, ... 200, 30 s each. */
    private static int step(long elapsed) {
        return 20 * (int) (elapsed / 30 + 1);
    }

    @Test
    void namesACliffAtTheStepWhereLatencyCollapsedAndCallsItCatastrophic() {
        List<HistorySecond> history = new SyntheticRun(1).withStalls().seconds(300, (i, elapsed, s) -> {
            int users = step(elapsed);
            double ms = users <= 120 ? 40 : 1000;
            s.users(users).ok(PRODUCTS, users / (1 + ms / 1000), ms);
        }).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.CLIFF);
        StoryEntry cliff = story.entries().get(0);
        assertThat(cliff.row()).isNull();
        assertThat(cliff.at()).isEqualTo(new StoryPoint(180_000, 140));
        assertThat(cliff.text()).matches("p95 fine \\(\\d+-\\d+ ms\\) up to 120 users, then 1(\\.\\d)? s\\+ at 140 users");
        assertThat(story.verdict()).isEqualTo(Verdict.CATASTROPHIC);
    }

    @Test
    void namesACliffAtConstantUsersByTime() {
        List<HistorySecond> history = new SyntheticRun(2).seconds(120, (i, elapsed, s) ->
                s.users(50).ok(PRODUCTS, 50, elapsed < 70 ? 30 : 600)).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.CLIFF);
        assertThat(story.entries().get(0).at()).isEqualTo(new StoryPoint(70_000, 50));
        assertThat(story.entries().get(0).text()).contains("at 50 users until 1m10s, then");
    }

    @Test
    void namesALinearRiseWithTheLoadAsGraceful() {
        List<HistorySecond> history = new SyntheticRun(3).withStalls().seconds(300, (i, elapsed, s) -> {
            int users = 50 * (int) (elapsed / 30 + 1);
            double ms = users / 5.0;
            s.users(users).ok(PRODUCTS, users / (2 + ms / 1000), ms);
        }).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.LINEAR);
        assertThat(story.entries().get(0).text())
                .matches("p95 rose with the load: \\d+ ms at 50 users, \\d+ ms at 300 users, \\d+ ms at 500 users");
        assertThat(story.verdict()).isEqualTo(Verdict.GRACEFUL);
    }

    @Test
    void namesPeriodicSpikesThatRecoverAsSawtooth() {
        List<HistorySecond> history = new SyntheticRun(4).seconds(120, (i, elapsed, s) -> {
            s.users(20).ok(PRODUCTS, 100, 20);
            if (elapsed % 10 == 5) s.exactly(PRODUCTS, 15, 400);
        }).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.SAWTOOTH);
        assertThat(story.entries().get(0).text()).matches("p9[59] spikes to 400 ms \\(from \\d+ ms\\) every 10 s, each "
                + "recovering within 1 s \\(1[12] times from \\d+s\\)");
        assertThat(story.entries().get(0).at().elapsedMillis() % 10_000).isEqualTo(5_000);
        assertThat(story.verdict()).isEqualTo(Verdict.GRACEFUL);
    }

    @Test
    void aSawtoothStaysOneWhenAPauseLandsASecondLateAndTheMachineAddsAStrayStall() {
        // A 250 ms pause every 5 s at 1,500 requests a second; the one due at 25 s is counted in second 26 (it
        // began near a second's edge), and at 33 s the load generator itself stalled.
        List<HistorySecond> history = new SyntheticRun(10).withStalls().seconds(60, (i, elapsed, s) -> {
            s.users(10).ok(PRODUCTS, 1500, 5);
            if (elapsed % 5 == 0 && elapsed != 25 || elapsed == 26) s.exactly(PRODUCTS, 100, 250);
            if (elapsed == 33) s.exactly(PRODUCTS, 30, 120);
        }).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.SAWTOOTH);
        assertThat(story.entries().get(0).text()).matches("p99 spikes to 250 ms \\(from [\\d.]+ ms\\) every 5 s, each "
                + "recovering within 1 s \\(11 times from 5s\\)");
    }

    @Test
    void namesTheOneRowThatSpikedWhileTheOthersStayedFlat() {
        List<HistorySecond> history = new SyntheticRun(5).withStalls().seconds(180, (i, elapsed, s) ->
                s.users(20).ok(PRODUCTS, 200, 20).ok(SEARCH, 5, elapsed < 90 ? 30 : 800)).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.FLAT_THEN_SPIKE);
        StoryEntry spike = story.entries().get(0);
        assertThat(spike.row()).isEqualTo("GET /api/search");
        assertThat(spike.at().elapsedMillis()).isBetween(89_000L, 91_000L);
        assertThat(spike.text()).matches("p95 fine \\(\\d+-\\d+ ms\\) at 20 users until 1m(29|30|31)s, then "
                + "(\\d+ ms|1(\\.\\d)? s)\\+, while the other row stayed flat \\(p95 \\d+ ms or less\\)");
    }

    @Test
    void aRowThatTakesTheAggregateDownIsBothACliffAndAFlatThenSpike() {
        List<HistorySecond> history = new SyntheticRun(6).seconds(180, (i, elapsed, s) ->
                s.users(20).ok(PRODUCTS, 60, 20).ok(SEARCH, 30, elapsed < 90 ? 30 : 900)).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern)
                .containsExactly(Pattern.CLIFF, Pattern.FLAT_THEN_SPIKE);
        assertThat(story.entries()).extracting(StoryEntry::row).containsExactly(null, "GET /api/search");
    }

    @Test
    void namesFallingThroughputAtConstantUsers() {
        List<HistorySecond> history = new SyntheticRun(7).withStalls().seconds(300, (i, elapsed, s) -> {
            double rps = 500 * (1 - 0.5 * elapsed / 300.0);
            s.users(50).ok(PRODUCTS, rps, 50_000 / rps);
        }).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.THROUGHPUT_DECAY);
        assertThat(story.entries().get(0).text()).matches("RPS fell from 4\\d0/s to 2\\d0/s at a constant 50 users "
                + "over 4m51s \\(p95 \\d+ ms to \\d+ ms\\)");
        assertThat(story.verdict()).isEqualTo(Verdict.GRACEFUL);
    }

    @Test
    void namesFailuresThatStartPastSomeLoad() {
        List<HistorySecond> history = new SyntheticRun(8).withStalls().seconds(300, (i, elapsed, s) -> {
            int users = step(elapsed);
            s.users(users).requests(PRODUCTS, users, 40, users < 140 ? 0 : 0.2, "HTTP 503");
        }).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.ERRORS_UNDER_LOAD);
        assertThat(story.entries().get(0).at()).isEqualTo(new StoryPoint(180_000, 140));
        assertThat(story.entries().get(0).text()).matches("failures 0% up to 120 users, then (19|20|21)% failed from 140 users");
        assertThat(story.verdict()).isEqualTo(Verdict.CATASTROPHIC);
    }

    @Test
    void aCollapseWithErrorsIsNamedBothWaysMostSevereFirst() {
        List<HistorySecond> history = new SyntheticRun(9).seconds(300, (i, elapsed, s) -> {
            int users = step(elapsed);
            boolean over = users > 120;
            s.users(users).requests(PRODUCTS, users / 2.0, over ? 2000 : 40, over ? 0.3 : 0, "timeout after 2s");
        }).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern)
                .containsExactly(Pattern.CLIFF, Pattern.ERRORS_UNDER_LOAD);
        assertThat(story.entries()).extracting(entry -> entry.at().users()).containsOnly(140);
        assertThat(story.verdict()).isEqualTo(Verdict.CATASTROPHIC);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aHealthyRunWithRealisticJitterIsStableWhateverTheDraw(long seed) {
        List<HistorySecond> busy = new SyntheticRun(seed).withStalls().seconds(120, (i, elapsed, s) ->
                s.users(10).ok(PRODUCTS, 50, 40).ok(SEARCH, 10, 60)).history();
        List<HistorySecond> quiet = new SyntheticRun(seed).withStalls().seconds(120, (i, elapsed, s) ->
                s.users(10).ok(PRODUCTS, 5, 40)).history();
        List<HistorySecond> ramp = new SyntheticRun(seed).withStalls().seconds(180, (i, elapsed, s) -> {
            int users = (int) Math.min(100, 1 + elapsed * 99 / 120);
            s.users(users).ok(PRODUCTS, users, 40);
        }).history();
        List<HistorySecond> long10m = new SyntheticRun(seed).withStalls().seconds(600, (i, elapsed, s) ->
                s.users(20).ok(PRODUCTS, 40, 15)).history();

        for (List<HistorySecond> history : List.of(busy, quiet, ramp, long10m)) {
            Story story = StoryAnalyser.analyse(history);
            assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.STABLE);
            assertThat(story.verdict()).isEqualTo(Verdict.GRACEFUL);
        }
    }

    @Test
    void theStableSentenceGivesTheLevels() {
        List<HistorySecond> history = new SyntheticRun(21).seconds(120, (i, elapsed, s) ->
                s.users(10).ok(PRODUCTS, 50, 40)).history();

        StoryEntry stable = StoryAnalyser.analyse(history).entries().get(0);

        assertThat(stable.at()).isNull();
        assertThat(stable.text()).matches("p95 steady \\(\\d+-\\d+ ms\\) over 1m56s at 10 users, \\d+/s, no failures");
    }

    @Test
    void oneStalledSecondAndTheTransientsOfEachStepAreNoPattern() {
        List<HistorySecond> history = new SyntheticRun(22).withStalls().seconds(300, (i, elapsed, s) -> {
            int users = 50 * (int) (elapsed / 30 + 1);
            boolean stepStart = elapsed % 30 < 2;
            s.users(users).ok(PRODUCTS, users, elapsed == 150 ? 2000 : stepStart ? 120 : 40);
        }).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.STABLE);
    }

    @Test
    void aRunFailingFromTheStartIsNotErrorsUnderLoadButIsCatastrophic() {
        List<HistorySecond> history = new SyntheticRun(23).seconds(120, (i, elapsed, s) ->
                s.users(10).requests(PRODUCTS, 50, 5, 0.4, "connection refused")).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.entries()).extracting(StoryEntry::pattern).containsExactly(Pattern.STABLE);
        assertThat(story.entries().get(0).text()).endsWith("failed throughout");
        assertThat(story.verdict()).isEqualTo(Verdict.CATASTROPHIC);
    }

    @Test
    void aRunTooShortToJudgeSaysSoRatherThanGuess() {
        List<HistorySecond> history = new SyntheticRun(24).seconds(15, (i, elapsed, s) ->
                s.users(10).ok(PRODUCTS, 50, elapsed < 8 ? 40 : 900)).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.told()).isFalse();
        assertThat(story.entries()).isEmpty();
        assertThat(story.verdict()).isNull();
        assertThat(story.notEnoughData()).isEqualTo("not enough data: 11 s with requests after the first 3 s; "
                + "the story needs 20 s");
    }

    @Test
    void aRunTooSparseToJudgeSaysSo() {
        List<HistorySecond> history = new SyntheticRun(25).seconds(120, (i, elapsed, s) ->
                s.users(1).ok(PRODUCTS, elapsed % 3 == 0 ? 1 : 0, 40)).history();

        Story story = StoryAnalyser.analyse(history);

        assertThat(story.notEnoughData()).startsWith("not enough data: ").contains("the story needs");
    }

    @Test
    void anEmptyHistoryIsNotEnoughData() {
        assertThat(StoryAnalyser.analyse(List.of()).told()).isFalse();
    }
}
