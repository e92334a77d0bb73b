package io.stampede.runner.engine.http;

import io.netty.channel.ChannelException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionBudgetTest {

    @Test
    void refusesConnectionsBeyondItsLimitAndSaysSoUntilOneCloses() {
        AtomicInteger exhausted = new AtomicInteger();
        ConnectionBudget budget = new ConnectionBudget(2, exhausted::incrementAndGet);

        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
        assertThat(exhausted).hasValue(1);
        budget.release();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.open()).isEqualTo(2);
    }

    @Test
    void thisProcessKeepsAReserveBelowItsDescriptorLimit() {
        var os = (com.sun.management.UnixOperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        ConnectionBudget budget = ConnectionBudget.ofThisProcess(() -> { });

        assertThat((long) budget.limit()).isPositive()
                .isLessThanOrEqualTo(os.getMaxFileDescriptorCount() - ConnectionBudget.RESERVE);
    }

    @Test
    void namesAKernelThatHasNoDescriptorLeftTheSameWayEverywhere() {
        // Netty's epoll transport and NIO word it differently; the failures table shows one row.
        assertThat(FailureCauses.of(new ChannelException(
                new IOException("newSocketStream(..) failed: Too many open files"))))
                .isEqualTo(FailureCauses.NO_FILE_DESCRIPTORS);
        assertThat(FailureCauses.of(new ChannelException("Failed to open a socket.",
                new SocketException("Too many open files in system"))))
                .isEqualTo(FailureCauses.NO_FILE_DESCRIPTORS);
    }
}
