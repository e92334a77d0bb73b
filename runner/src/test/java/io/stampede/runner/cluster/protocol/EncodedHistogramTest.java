package io.stampede.runner.cluster.protocol;

import io.stampede.runner.stats.RowStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master's allocation-free merge must give exactly what HdrHistogram's own decode-and-add gives. */
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
    void sumsExactlyWhatHdrHistogramDecodesAndAdds() throws Exception {
        for (long seed = 0; seed < 200; seed += 2) {
            Histogram first = random(seed);
            Histogram second = random(seed + 1);
            HistogramCounts counts = new HistogramCounts();
            Histogram reference = RowStats.newHistogram();

            for (Histogram original : new Histogram[] {first, second}) {
                EncodedHistogram encoded = EncodedHistogram.of(original);
                counts.add(encoded);
                reference.add(encoded.decode());
            }

            assertThat(counts.toHistogram()).as("seed %d", seed).isEqualTo(reference);
        }
    }

    @Test
    void keepsTheExtremesOfTheRange() throws Exception {
        Histogram original = RowStats.newHistogram();
        original.recordValue(1);
        original.recordValue(2047);
        original.recordValue(2048);
        original.recordValueWithCount(RowStats.MAX_TRACKABLE_MICROS, 1L << 40);
        HistogramCounts counts = new HistogramCounts();

        counts.add(EncodedHistogram.of(original));

        assertThat(counts.toHistogram()).isEqualTo(original);
        assertThat(counts.toHistogram().getMaxValue()).isEqualTo(original.getMaxValue());
    }

    @Test
    void laysBucketsOutAsHdrHistogramDoes() {
        // HdrHistogram's footprint is 512 bytes plus 8 per counts-array slot.
        assertThat(512 + 8L * HistogramCounts.LAYOUT.indexCount())
                .isEqualTo(RowStats.newHistogram().getEstimatedFootprintInBytes());
        Histogram reference = RowStats.newHistogram();
        for (int index : new int[] {0, 1, 2047, 2048, 3071, 5000, 23_000}) {
            long value = HistogramCounts.LAYOUT.valueAt(index);
            assertThat(reference.lowestEquivalentValue(value)).as("index %d", index).isEqualTo(value);
        }
    }

    @Test
    void addsEncodingsOfAnotherPrecisionThroughAFullDecode() throws Exception {
        Histogram twoDigits = new Histogram(1, RowStats.MAX_TRACKABLE_MICROS, 2);
        twoDigits.recordValue(12_345);
        twoDigits.recordValue(99);
        HistogramCounts counts = new HistogramCounts();

        counts.add(EncodedHistogram.of(twoDigits));

        Histogram sum = counts.toHistogram();
        assertThat(sum.getTotalCount()).isEqualTo(2);
        assertThat(sum.getValueAtPercentile(100)).isCloseTo(12_345, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void refusesCorruptBytes() throws IOException {
        EncodedHistogram good = EncodedHistogram.of(random(7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            good.writeTo(data);
        }
        byte[] bytes = out.toByteArray();
        for (int i = 12; i < bytes.length; i += 7) {
            bytes[i] ^= 0x5a;
        }
        EncodedHistogram corrupt = new EncodedHistogram(bytes, 0, bytes.length);

        assertThatThrownBy(() -> new HistogramCounts().add(corrupt)).isInstanceOf(ProtocolException.class);
    }
}
