package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.stampede.runner.scenario.MultipartPlan;
import io.stampede.runner.scenario.TemplateContext;

import java.nio.charset.StandardCharsets;

/**
 * Writes a multipart/form-data body (RFC 7578): each part with its Content-Disposition (and a file's
 * Content-Type), text fields as UTF-8, files as their bytes. A dozen lines of framing, so hand-written: Netty's
 * HttpPostRequestEncoder wants a whole Netty request object and chunked writes, which this engine has no use for.
 */
final class MultipartWriter {

    private MultipartWriter() {
    }

    /** @param scratch reused for rendering field values; cleared here */
    static void write(MultipartPlan body, TemplateContext context, ByteBuf out, StringBuilder scratch) {
        for (MultipartPlan.Part part : body.parts()) {
            scratch.setLength(0);
            scratch.append("--").append(body.boundary()).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(part.name())).append('"');
            if (part instanceof MultipartPlan.FilePart file) {
                scratch.append("; filename=\"").append(quoted(file.filename())).append("\"\r\n")
                        .append("Content-Type: ").append(file.contentType()).append("\r\n\r\n");
                ByteBufUtil.writeUtf8(out, scratch);
                out.writeBytes(file.bytes());
            } else if (part instanceof MultipartPlan.Field field) {
                scratch.append("\r\n\r\n");
                field.value().appendTo(scratch, context);
                ByteBufUtil.writeUtf8(out, scratch);
            }
            out.writeCharSequence("\r\n", StandardCharsets.US_ASCII);
        }
        out.writeCharSequence("--" + body.boundary() + "--\r\n", StandardCharsets.US_ASCII);
    }

    /** RFC 7578 4.2: a quote or line break in a name is percent-encoded, as browsers do. */
    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
