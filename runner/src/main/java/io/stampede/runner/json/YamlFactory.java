package io.stampede.runner.json;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;

/**
 * Jackson's YAML factory whose parsers read their text through {@link WholeTextReader}, so that parsing is linear
 * in the text's length. For text already in memory (a file read whole, a String): a Reader is read to its end
 * first. Duplicate keys are an error. Its parsers report the anchor of every value as its object id (Jackson's own
 * only those of maps and lists), which {@link TreeReader} needs to resolve aliases.
 *
 * <p>Thread safe, like every JsonFactory once built.
 */
public final class YamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    private YamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    /** @param maxCodePoints the longest text a parser accepts (SnakeYAML's code point limit per document) */
    public static YamlFactory create(int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxCodePoints);
        return new YamlFactory(YAMLFactory.builder()
                .loaderOptions(options)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
            throws IOException {
        return parser(new String(data, offset, len), ctxt);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext ctxt) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return parser(text.toString(), ctxt);
    }

    private YAMLParser parser(String text, IOContext ctxt) {
        ParserImpl events = new ParserImpl(new WholeTextReader(text), _loaderOptions);
        return new AnchorsParser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, events);
    }

    /**
     * Jackson's YAML parser, but {@link #getObjectId()} is the anchor of every value: Jackson's own reports the
     * anchors of maps and lists only, not of scalars ({@code &port 8080}).
     */
    private static final class AnchorsParser extends YAMLParser {

        AnchorsParser(IOContext ctxt, int parserFeatures, int formatFeatures, ObjectCodec codec, ParserImpl events) {
            super(ctxt, parserFeatures, formatFeatures, codec, new CharArrayReader(new char[0]), events);
        }

        /** The anchor of the value the parser is on (a scalar, or the start of a map or list), or null. */
        @Override
        public String getObjectId() {
            return _lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent) ? node.getAnchor() : null;
        }
    }
}
