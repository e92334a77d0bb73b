package io.stampede.runner.doc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.json.TreeReader;

import java.io.IOException;

/** JSON text into a tree for a document's {@code fromTree}, with a {@link DocumentException} when it is not JSON. */
final class Documents {

    private Documents() {
    }

    static JsonNode tree(String json) {
        try {
            JsonNode tree = TreeReader.parse(json);
            if (tree == null) throw new DocumentException("the document is empty");
            return tree;
        } catch (JsonProcessingException e) {
            throw new DocumentException("the document is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DocumentException("the document is not JSON: " + e.getMessage());
        }
    }
}
