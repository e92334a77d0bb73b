package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The final summary: the aggregate and each stats row (at most SummaryStatus.MAX_ROWS rows, the busiest).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SummaryStatus {

    private RowSummary total;

    private List<RowSummary> requests;

    /** Rows left out to keep the status small; the master's report has them all. */
    private Integer omittedRows;

    public RowSummary getTotal() {
        return total;
    }

    public void setTotal(RowSummary total) {
        this.total = total;
    }

    public List<RowSummary> getRequests() {
        return requests;
    }

    public void setRequests(List<RowSummary> requests) {
        this.requests = requests;
    }

    public Integer getOmittedRows() {
        return omittedRows;
    }

    public void setOmittedRows(Integer omittedRows) {
        this.omittedRows = omittedRows;
    }

    /** Rows kept in the status: a status lives in etcd, whose objects are limited to about 1.5 MB. */
    public static final int MAX_ROWS = 50;
}
