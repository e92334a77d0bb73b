package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A named source of rows for templates ({@code ${name.column}}): a CSV or JSON file that, in a cluster, is a key of
 * one of the ConfigMaps in {@code spec.dataFrom}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.csv) != has(self.json)", message = "give csv or json, one of them")
public class DataSourceSpec {

    @JsonPropertyDescription("A CSV file with a header row; in a cluster its file name is a key of a spec.dataFrom ConfigMap.")
    private String csv;

    @JsonPropertyDescription("A file holding a JSON array of flat objects; in a cluster its file name is a key of a spec.dataFrom ConfigMap.")
    private String json;

    @JsonPropertyDescription("unique: each user its own row (workers get disjoint slices); sequential: the next row per task, wrapping (default); random: any row per task.")
    @Pattern("^(unique|sequential|random)$")
    private String pick;

    public String getCsv() {
        return csv;
    }

    public void setCsv(String csv) {
        this.csv = csv;
    }

    public String getJson() {
        return json;
    }

    public void setJson(String json) {
        this.json = json;
    }

    public String getPick() {
        return pick;
    }

    public void setPick(String pick) {
        this.pick = pick;
    }
}
