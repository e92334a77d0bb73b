package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Worker pods of the run: how many the master expects and how many are connected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WorkersStatus {

    private Integer expected;

    private Integer connected;

    /** Workers lost during the run; their users moved to the others. */
    private Integer lost;

    public Integer getExpected() {
        return expected;
    }

    public void setExpected(Integer expected) {
        this.expected = expected;
    }

    public Integer getConnected() {
        return connected;
    }

    public void setConnected(Integer connected) {
        this.connected = connected;
    }

    public Integer getLost() {
        return lost;
    }

    public void setLost(Integer lost) {
        this.lost = lost;
    }
}
