package io.stampede.runner.cluster.protocol;

/**
 * HdrHistogram's bucket layout for a precision, a lowest discernible value and a range: which value each index
 * of its counts array stands for. The formulas are HdrHistogram's (sub-buckets of 2 × 10^digits values, each
 * bucket twice as wide as the one before); tests check them against HdrHistogram itself.
 *
 * @param significantDigits     0..5
 * @param lowestDiscernibleValue >= 1
 * @param highestTrackableValue >= 2 × lowestDiscernibleValue
 */
record HistogramLayout(int significantDigits, long lowestDiscernibleValue, long highestTrackableValue) {

    boolean matches(int digits, long lowest) {
        return digits == significantDigits && lowest == lowestDiscernibleValue;
    }

    private int subBucketHalfCountMagnitude() {
        long largestWithUnitResolution = 2 * (long) Math.pow(10, significantDigits);
        int subBucketCountMagnitude = (int) Math.ceil(Math.log(largestWithUnitResolution) / Math.log(2));
        return Math.max(subBucketCountMagnitude, 1) - 1;
    }

    private int unitMagnitude() {
        return 63 - Long.numberOfLeadingZeros(lowestDiscernibleValue);
    }

    /** A value that falls in the bucket at {@code index} (its lowest). */
    long valueAt(int index) {
        int halfMagnitude = subBucketHalfCountMagnitude();
        int bucket = (index >> halfMagnitude) - 1;
        int subBucket = (index & ((1 << halfMagnitude) - 1)) + (1 << halfMagnitude);
        if (bucket < 0) {
            subBucket -= 1 << halfMagnitude;
            bucket = 0;
        }
        return (long) subBucket << (bucket + unitMagnitude());
    }

    /** Length of the counts array: enough buckets to hold {@link #highestTrackableValue}. */
    int indexCount() {
        int halfMagnitude = subBucketHalfCountMagnitude();
        long smallestUntrackable = (1L << (halfMagnitude + 1)) << unitMagnitude();
        int buckets = 1;
        while (smallestUntrackable <= highestTrackableValue && smallestUntrackable <= Long.MAX_VALUE / 2) {
            smallestUntrackable <<= 1;
            buckets++;
        }
        return (buckets + 1) << halfMagnitude;
    }
}
