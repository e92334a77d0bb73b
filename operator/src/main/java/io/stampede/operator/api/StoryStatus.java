package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How the system behaved as load changed, as named patterns (linear, cliff, sawtooth, flatThenSpike,
 * throughputDecay, errorsUnderLoad, stable): the first {@link #MAX_ENTRIES} of the run's story, and its verdict.
 * The whole story is in the run's JSON summary and HTML report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StoryStatus {

    /** Entries kept in the status; the rest are counted in omittedEntries. */
    public static final int MAX_ENTRIES = 5;

    /** graceful (slowed down), catastrophic (errors or collapse), or stable. */
    private String verdict;

    /** The patterns found, in the order the story tells them. */
    private List<Entry> entries;

    /** Entries beyond the first five, in the run's report only. */
    private Integer omittedEntries;

    /** Why there is no story, when the run was too short or too quiet to tell one. */
    private String notEnoughData;

    public String getVerdict() {
        return verdict;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    public List<Entry> getEntries() {
        return entries;
    }

    public void setEntries(List<Entry> entries) {
        this.entries = entries;
    }

    public Integer getOmittedEntries() {
        return omittedEntries;
    }

    public void setOmittedEntries(Integer omittedEntries) {
        this.omittedEntries = omittedEntries;
    }

    public String getNotEnoughData() {
        return notEnoughData;
    }

    public void setNotEnoughData(String notEnoughData) {
        this.notEnoughData = notEnoughData;
    }

    /** One pattern of the story. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Entry {

        /** linear, cliff, sawtooth, flatThenSpike, throughputDecay, errorsUnderLoad or stable. */
        private String pattern;

        /** The stats row it concerns; absent for the run as a whole. */
        private String row;

        /** When it began, as elapsed time since the start (e.g. 7m10s). */
        private String elapsed;

        /** Users at that moment. */
        private Integer users;

        /** The pattern in one sentence. */
        private String text;

        public String getPattern() {
            return pattern;
        }

        public void setPattern(String pattern) {
            this.pattern = pattern;
        }

        public String getRow() {
            return row;
        }

        public void setRow(String row) {
            this.row = row;
        }

        public String getElapsed() {
            return elapsed;
        }

        public void setElapsed(String elapsed) {
            this.elapsed = elapsed;
        }

        public Integer getUsers() {
            return users;
        }

        public void setUsers(Integer users) {
            this.users = users;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }
}
