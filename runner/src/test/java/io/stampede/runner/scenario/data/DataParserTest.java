package io.stampede.runner.scenario.data;

import io.stampede.runner.model.spec.DataPick;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Data files as people write them: quoting, a BOM, ragged rows, JSON arrays; errors never quote a value. */
class DataParserTest {

    @Test
    void csvHeaderNamesTheColumnsAndQuotedValuesKeepTheirCommasAndQuotes() throws Exception {
        DataTable table = DataParser.csv("accounts", DataPick.UNIQUE,
                "\uFEFFemail,password\r\na@example.com,\"p,w\"\"1\"\n\nb@example.com,\n");

        assertThat(table.columns()).containsExactly("email", "password");
        assertThat(table.rows()).containsExactly(List.of("a@example.com", "p,w\"1"), List.of("b@example.com", ""));
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderSaysWhichRowAndNeverTheValues() {
        assertThatThrownBy(() -> DataParser.csv("accounts", DataPick.UNIQUE,
                "email,password\na@example.com,secret1\nb@example.com,secret2,extra\n"))
                .hasMessage("row 2 (line 3) has 3 values; the header has 2 columns (email, password)")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aHeaderWithoutRowsADuplicateColumnAndAnEmptyFileAreRefused() {
        assertThatThrownBy(() -> DataParser.csv("a", DataPick.RANDOM, "email\n")).hasMessage("has a header row but no rows");
        assertThatThrownBy(() -> DataParser.csv("a", DataPick.RANDOM, "id,id\n1,2\n"))
                .hasMessage("names the column 'id' twice");
        assertThatThrownBy(() -> DataParser.csv("a", DataPick.RANDOM, ""))
                .hasMessageStartingWith("is empty: expected a header row");
    }

    @Test
    void jsonArrayOfFlatObjectsWritesNumbersAndBooleansAsText() throws Exception {
        DataTable table = DataParser.json("products", DataPick.RANDOM,
                "[{\"sku\": \"A-1\", \"price\": 9.5, \"inStock\": true}, {\"price\": 3, \"sku\": \"B-2\", \"inStock\": false}]");

        assertThat(table.columns()).containsExactly("sku", "price", "inStock");
        assertThat(table.rows()).containsExactly(List.of("A-1", "9.5", "true"), List.of("B-2", "3", "false"));
    }

    @Test
    void jsonThatIsNotAnArrayOfObjectsWithTheSameKeysIsRefused() {
        assertThatThrownBy(() -> DataParser.json("a", DataPick.RANDOM, "{\"email\": \"x\"}"))
                .hasMessageStartingWith("expected a JSON array of objects");
        assertThatThrownBy(() -> DataParser.json("a", DataPick.RANDOM, "[{\"email\": \"x\"}, {\"mail\": \"y\"}]"))
                .hasMessage("element [1] has the keys mail; element [0] has email (every element needs the same keys)");
        assertThatThrownBy(() -> DataParser.json("a", DataPick.RANDOM, "[{\"tags\": [1, 2]}]"))
                .hasMessage("element [0].tags is an object or array: values are text, numbers or booleans");
        assertThatThrownBy(() -> DataParser.json("a", DataPick.RANDOM, "[{\"email\": \"x\"},"))
                .hasMessageStartingWith("is not valid JSON");
    }
}
