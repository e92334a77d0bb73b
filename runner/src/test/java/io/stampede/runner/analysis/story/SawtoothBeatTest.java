package io.stampede.runner.analysis.story;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which spikes, by the second each started, make a regular beat: the rhythm rule of {@link SawtoothDetector}. */
class SawtoothBeatTest {

    @Test
    void evenlySpacedSpikesBeatAtTheirGap() {
        SawtoothDetector.Beat beat = SawtoothDetector.beat(new long[] {5, 10, 15, 20, 25}).orElseThrow();

        assertThat(beat.spikes()).containsExactly(0, 1, 2, 3, 4);
        assertThat(beat.period()).isEqualTo(5);
    }

    @Test
    void aSpikeThatLandsASecondEarlyOrLateStillBeats() {
        // A pause near a second's edge is counted in the second before or after it.
        assertThat(SawtoothDetector.beat(new long[] {5, 11, 15, 21, 25, 30})).isPresent();
    }

    @Test
    void aStraySpikeBetweenTwoBeatsIsSkippedNotTakenToBreakTheRhythm() {
        SawtoothDetector.Beat beat = SawtoothDetector.beat(new long[] {5, 10, 15, 17, 20, 25, 30}).orElseThrow();

        assertThat(beat.spikes()).containsExactly(0, 1, 2, 4, 5, 6);
    }

    @Test
    void aStraySpikeBeforeTheFirstBeatIsSkippedToo() {
        SawtoothDetector.Beat beat = SawtoothDetector.beat(new long[] {2, 5, 10, 15, 20, 25}).orElseThrow();

        assertThat(beat.spikes()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void moreStraysThanOnePerFourBeatsIsNoBeat() {
        assertThat(SawtoothDetector.beat(new long[] {5, 7, 10, 12, 15, 17, 20, 25, 30})).isEmpty();
    }

    @Test
    void aMissedBeatOrIrregularGapsIsNoBeat() {
        assertThat(SawtoothDetector.beat(new long[] {5, 10, 20, 25, 30, 35})).isEmpty();
        assertThat(SawtoothDetector.beat(new long[] {3, 10, 14, 25, 29, 40})).isEmpty();
    }

    @Test
    void fewerThanFiveSpikesIsNoBeat() {
        assertThat(SawtoothDetector.beat(new long[] {5, 10, 15, 20})).isEmpty();
        assertThat(SawtoothDetector.beat(new long[] {3, 5, 10, 15, 20})).isEmpty();
    }

    @Test
    void theLongestBeatIsKept() {
        SawtoothDetector.Beat beat = SawtoothDetector.beat(new long[] {1, 4, 10, 16, 22, 28, 34}).orElseThrow();

        assertThat(beat.spikes()).isEqualTo(List.of(1, 2, 3, 4, 5, 6));
        assertThat(beat.period()).isEqualTo(6);
    }
}
