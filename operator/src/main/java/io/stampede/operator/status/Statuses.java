package io.stampede.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.operator.api.LoadTestStatus;

/** Copies and compares statuses by their JSON form: what is written to the API server is what counts. */
public final class Statuses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Statuses() {
    }

    public static LoadTestStatus copy(LoadTestStatus status) {
        return status == null ? new LoadTestStatus() : JSON.convertValue(status, LoadTestStatus.class);
    }

    public static boolean same(LoadTestStatus a, LoadTestStatus b) {
        return JSON.valueToTree(a).equals(JSON.valueToTree(b));
    }
}
