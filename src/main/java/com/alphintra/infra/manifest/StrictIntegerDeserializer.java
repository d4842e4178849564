package com.alphintra.infra.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads {@code Integer} fields from integer numbers only. fabric8 installs a deserializer for every
 * {@code Integer} that parses the text of any token, so {@code port: "80"} would pass, while the
 * API server rejects it.
 */
final class StrictIntegerDeserializer extends StdScalarDeserializer<Integer> {

  private static final long serialVersionUID = 1L;

  StrictIntegerDeserializer() {
    super(Integer.class);
  }

  @Override
  public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return _parseInteger(parser, context, Integer.class);
    }
    return (Integer) context.handleUnexpectedToken(Integer.class, parser);
  }
}
