package io.stampede.runner.cluster.protocol;

import io.stampede.runner.stats.RowStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master's allocation-free add must give exactly what HdrHistogram's own decode-and-add gives. */
class EncodedHistogramTest {

    private static Histogram random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Histogram histogram = RowStats.newHistogram();
        int values = random.nextInt(0, 2000);
        double spread = random.nextDouble(0.1, 3);
        for (int i = 0; i < values; i++) {
            long micros = (long) Math.exp(random.nextGaussian() * spread + Math.log(random.nextInt(50, 200_000)));
            histogram.recordValueWithCount(Math.max(1, Math.min(micros, RowStats.MAX_TRACKABLE_MICROS)),
                    random.nextInt(1, 4));
        }
        return histogram;
    }

    @Test
    void addsExactlyWhatHdrHistogramDecodes() throws Exception {
        for (long seed = 0; seed < 300; seed++) {
            Histogram original = random(seed);
            Histogram fast = RowStats.newHistogram();
            fast.recordValue(1234);
            Histogram reference = fast.copy();

            EncodedHistogram encoded = EncodedHistogram.of(original);
            encoded.addTo(fast);
            reference.add(encoded.decode());

            assertThat(fast).as("seed %d", seed).isEqualTo(reference);
            assertThat(fast.getTotalCount()).isEqualTo(original.getTotalCount() + 1);
        }
    }

    @Test
    void keepsTheExtremesOfTheRange() throws Exception {
        Histogram original = RowStats.newHistogram();
        original.recordValue(1);
        original.recordValue(2047);
        original.recordValue(2048);
        original.recordValueWithCount(RowStats.MAX_TRACKABLE_MICROS, 1L << 40);
        Histogram target = RowStats.newHistogram();

        EncodedHistogram.of(original).addTo(target);

        assertThat(target).isEqualTo(original);
        assertThat(target.getMaxValue()).isEqualTo(original.getMaxValue());
    }

    @Test
    void fallsBackToAFullDecodeForAnotherPrecision() throws Exception {
        Histogram twoDigits = new Histogram(1, RowStats.MAX_TRACKABLE_MICROS, 2);
        twoDigits.recordValue(12_345);
        twoDigits.recordValue(99);
        Histogram target = RowStats.newHistogram();

        EncodedHistogram.of(twoDigits).addTo(target);

        assertThat(target.getTotalCount()).isEqualTo(2);
        assertThat(target.getValueAtPercentile(100)).isCloseTo(12_345, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void refusesCorruptBytes() {
        EncodedHistogram good = EncodedHistogram.of(random(7));
        byte[] bytes = new byte[good.length()];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream data = new java.io.DataOutputStream(out)) {
            good.writeTo(data);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        System.arraycopy(out.toByteArray(), 0, bytes, 0, bytes.length);
        for (int i = 12; i < bytes.length; i += 7) {
            bytes[i] ^= 0x5a;
        }
        EncodedHistogram corrupt = new EncodedHistogram(bytes, 0, bytes.length);

        assertThatThrownBy(() -> corrupt.addTo(RowStats.newHistogram())).isInstanceOf(ProtocolException.class);
    }
}
