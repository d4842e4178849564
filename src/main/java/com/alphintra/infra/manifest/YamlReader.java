package com.alphintra.infra.manifest;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a YAML stream into {@link ManifestDocument}s straight from SnakeYAML Engine's parser
 * events.
 *
 * <p>Building the generic tree from events (rather than through the engine's node graph and
 * constructor) takes one pass, keeps no node objects (whose marks hold on to the input buffer), and
 * lets this class record the position of every field and collect the comments as it goes. Scalars
 * are typed by the YAML 1.2 core schema, as Kubernetes' JSON-compatible reading does for ordinary
 * values.
 *
 * <p>Reading is bounded: nesting depth and the number of nodes an alias may expand to are limited,
 * so a hostile text fails with a {@link ManifestParseException} instead of exhausting the stack or
 * the heap.
 *
 * <p>Build one reader and reuse it; it holds no mutable state and can be shared between threads.
 */
public final class YamlReader {

  /**
   * Deeper than any real manifest; keeps recursive walks of the tree (ours and Jackson's) off the
   * stack limit.
   */
  static final int MAX_DEPTH = 500;

  /** Bounds "billion laughs": a document may expand through aliases to at most this many nodes. */
  static final int MAX_NODES_PER_DOCUMENT = 1_000_000;

  private final LoadSettings settings;
  private final LoadSettings settingsWithoutComments;
  private final ScalarResolver resolver;

  public YamlReader() {
    this.settings = settings(true);
    this.settingsWithoutComments = settings(false);
    this.resolver = settings.getSchema().getScalarResolver();
  }

  /**
   * Reads every document and comment of {@code text}; empty documents are skipped.
   *
   * @throws ManifestParseException when the text is not well-formed YAML
   */
  public YamlText read(String text, Origin origin) throws ManifestParseException {
    try {
      return parse(text, origin, settings);
    } catch (ManifestParseException withComments) {
      // The engine's comment support rejects a few valid texts (a comment after an explicit "?
      // key"). Such a
      // text is read again without comments: its documents count for more than its comments.
      try {
        return parse(text, origin, settingsWithoutComments);
      } catch (ManifestParseException withoutComments) {
        throw withComments;
      }
    }
  }

  private YamlText parse(String text, Origin origin, LoadSettings parseSettings)
      throws ManifestParseException {
    StreamBuilder builder = new StreamBuilder(origin);
    try {
      ParserImpl parser = new ParserImpl(parseSettings, new StreamReader(parseSettings, text));
      while (parser.hasNext()) {
        builder.accept(parser.next());
      }
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      String reason = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new ManifestParseException(origin, mark.map(YamlReader::position), shorten(reason));
    } catch (YamlEngineException e) {
      throw new ManifestParseException(origin, Optional.empty(), shorten(e.getMessage()));
    }
    return new YamlText(origin, builder.documents, builder.comments);
  }

  private static LoadSettings settings(boolean parseComments) {
    return LoadSettings.builder()
        .setSchema(new CoreSchema())
        .setParseComments(parseComments)
        // Rendered overlays of the whole platform are one text; the engine's 3 MB default is too
        // small.
        .setCodePointLimit(Integer.MAX_VALUE)
        .build();
  }

  /**
   * Reads the UTF-8 file at {@code file} as {@link #read(String, Origin)} does.
   *
   * @throws ManifestParseException when the file is not well-formed YAML or not UTF-8
   * @throws IOException when the file cannot be read
   */
  public YamlText read(Path file) throws ManifestParseException, IOException {
    Origin origin = Origin.of(file);
    String text;
    try {
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new ManifestParseException(origin, Optional.empty(), "not UTF-8 text");
    }
    return read(text, origin);
  }

  private static String shorten(String message) {
    if (message == null || message.isBlank()) {
      return "malformed YAML";
    }
    String firstLine = message.strip().lines().findFirst().orElse(message);
    return firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine;
  }

  private static Position position(Mark mark) {
    return new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Builds the documents of one stream from its events; lives for one {@link #read} call. */
  private final class StreamBuilder {

    private final Origin origin;
    private final List<ManifestDocument> documents = new ArrayList<>();
    private final List<YamlComment> comments = new ArrayList<>();

    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private long[] positions = new long[64];
    private int slots;
    private Object root;
    private boolean hasRoot;
    private int documentIndex = -1;

    StreamBuilder(Origin origin) {
      this.origin = origin;
    }

    void accept(Event event) throws ManifestParseException {
      switch (event.getEventId()) {
        case DocumentStart -> startDocument();
        case DocumentEnd -> endDocument();
        case Comment -> comment((CommentEvent) event);
        case Scalar -> scalar((ScalarEvent) event);
        case Alias -> alias((AliasEvent) event);
        case MappingStart -> startCollection((CollectionStartEvent) event, true);
        case SequenceStart -> startCollection((CollectionStartEvent) event, false);
        case MappingEnd, SequenceEnd -> endCollection();
        default -> {
          // Stream start and end carry nothing a document needs.
        }
      }
    }

    private void startDocument() {
      documentIndex++;
      slots = 0;
      root = null;
      hasRoot = false;
      anchors.clear();
      openAnchors.clear();
    }

    private void endDocument() {
      // An empty document (nothing, or only "null", between separators) is not an object; skip it
      // as kubectl does.
      if (hasRoot && root != null) {
        documents.add(
            new ManifestDocument(origin, documentIndex, root, Arrays.copyOf(positions, slots)));
      }
      positions = new long[64];
    }

    private void comment(CommentEvent event) {
      if (event.getCommentType() == CommentType.BLANK_LINE || event.getStartMark().isEmpty()) {
        return;
      }
      comments.add(
          new YamlComment(
              position(event.getStartMark().get()),
              event.getValue(),
              event.getCommentType() == CommentType.IN_LINE));
    }

    private void scalar(ScalarEvent event) throws ManifestParseException {
      Position at = positionOf(event);
      Frame parent = stack.peek();
      if (parent != null && parent.expectsKey()) {
        // Tens of thousands of objects repeat the same few hundred keys; one copy of each saves
        // much heap.
        String key = event.getValue().intern();
        if (parent.map.containsKey(key)) {
          throw new ManifestParseException(
              origin,
              Optional.of(at),
              "duplicate key \"" + key + "\" (it already appears in this mapping)");
        }
        parent.pendingKey = key;
        addSlot(at);
        return;
      }
      if (parent == null || parent.list != null) {
        addSlot(at);
      }
      Object value = construct(event, at);
      event
          .getAnchor()
          .ifPresent(anchor -> anchors.put(anchor.getValue(), new Anchored(value, new long[0])));
      attach(value);
    }

    private void alias(AliasEvent event) throws ManifestParseException {
      Position at = positionOf(event);
      String name = event.getAlias().getValue();
      Anchored anchored = anchors.get(name);
      if (anchored == null) {
        String why =
            openAnchors.contains(name)
                ? "recursive alias *" + name + " (it refers to a node that contains it)"
                : "undefined alias *" + name;
        throw new ManifestParseException(origin, Optional.of(at), why);
      }
      Frame parent = stack.peek();
      if (parent != null && parent.expectsKey()) {
        throw new ManifestParseException(
            origin, Optional.of(at), "an alias cannot be a mapping key here");
      }
      if (parent == null || parent.list != null) {
        addSlot(at);
      }
      ensureCapacity(anchored.descendants.length);
      System.arraycopy(anchored.descendants, 0, positions, slots, anchored.descendants.length);
      slots += anchored.descendants.length;
      attach(anchored.value);
    }

    private void startCollection(CollectionStartEvent event, boolean isMap)
        throws ManifestParseException {
      Position at = positionOf(event);
      Frame parent = stack.peek();
      if (parent != null && parent.expectsKey()) {
        throw new ManifestParseException(
            origin,
            Optional.of(at),
            "a mapping or sequence cannot be a mapping key; keys must be plain text");
      }
      if (stack.size() >= MAX_DEPTH) {
        throw new ManifestParseException(
            origin, Optional.of(at), "nested deeper than " + MAX_DEPTH + " levels");
      }
      if (parent == null || parent.list != null) {
        addSlot(at);
      }
      Optional<String> anchor = event.getAnchor().map(a -> a.getValue());
      anchor.ifPresent(openAnchors::add);
      // Most mappings of a manifest hold a handful of keys; the default table of 16 slots would
      // double their size.
      stack.push(
          isMap
              ? new Frame(new LinkedHashMap<>(8), null, anchor, slots)
              : new Frame(null, new ArrayList<>(4), anchor, slots));
    }

    private void endCollection() {
      Frame frame = stack.pop();
      Object value;
      if (frame.map != null) {
        value = Collections.unmodifiableMap(frame.map);
      } else {
        frame.list.trimToSize();
        value = Collections.unmodifiableList(frame.list);
      }
      frame.anchor.ifPresent(
          name -> {
            openAnchors.remove(name);
            anchors.put(
                name,
                new Anchored(value, Arrays.copyOfRange(positions, frame.firstChildSlot, slots)));
          });
      attach(value);
    }

    private void attach(Object value) {
      Frame parent = stack.peek();
      if (parent == null) {
        root = value;
        hasRoot = true;
      } else if (parent.list != null) {
        parent.list.add(value);
      } else {
        parent.map.put(parent.pendingKey, value);
        parent.pendingKey = null;
      }
    }

    private void addSlot(Position at) throws ManifestParseException {
      ensureCapacity(1);
      positions[slots++] = ManifestDocument.pack(at.line(), at.column());
    }

    private void ensureCapacity(int more) throws ManifestParseException {
      if ((long) slots + more > MAX_NODES_PER_DOCUMENT) {
        throw new ManifestParseException(
            origin,
            Optional.empty(),
            "document "
                + documentIndex
                + " expands to more than "
                + MAX_NODES_PER_DOCUMENT
                + " nodes (through aliases?)");
      }
      if (slots + more > positions.length) {
        positions = Arrays.copyOf(positions, Math.max(positions.length * 2, slots + more));
      }
    }

    private Position positionOf(NodeEvent event) {
      return event.getStartMark().map(YamlReader::position).orElse(new Position(1, 1));
    }

    private Object construct(ScalarEvent event, Position at) throws ManifestParseException {
      String value = event.getValue();
      String tag = event.getTag().orElse(null);
      if (tag == null || "!".equals(tag)) {
        if (!event.isPlain() || "!".equals(tag)) {
          return value;
        }
        tag = resolver.resolve(value, true).getValue();
      }
      try {
        if (tag.equals(Tag.NULL.getValue())) {
          return null;
        } else if (tag.equals(Tag.BOOL.getValue())) {
          return Boolean.valueOf(value.equalsIgnoreCase("true"));
        } else if (tag.equals(Tag.INT.getValue())) {
          return integer(value);
        } else if (tag.equals(Tag.FLOAT.getValue())) {
          return floatingPoint(value);
        }
      } catch (NumberFormatException e) {
        throw new ManifestParseException(
            origin, Optional.of(at), "\"" + value + "\" is not a valid " + tag);
      }
      // Strings and any other tag (binary, timestamp, custom) stay text: JSON, and so Kubernetes,
      // knows no more.
      return value;
    }

    private Object integer(String text) {
      String digits = text;
      boolean negative = false;
      if (digits.startsWith("-") || digits.startsWith("+")) {
        negative = digits.charAt(0) == '-';
        digits = digits.substring(1);
      }
      BigInteger number;
      if (digits.startsWith("0x")) {
        number = new BigInteger(digits.substring(2), 16);
      } else if (digits.startsWith("0o")) {
        number = new BigInteger(digits.substring(2), 8);
      } else if (digits.length() > 1
          && digits.startsWith("0")
          && digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
        // Kubernetes reads YAML 1.1, where 0644 is octal (420): file modes are written that way.
        number = new BigInteger(digits.substring(1), 8);
      } else {
        number = new BigInteger(digits);
      }
      if (negative) {
        number = number.negate();
      }
      if (number.bitLength() < 32) {
        return number.intValue();
      }
      return number.bitLength() < 64 ? (Object) number.longValue() : number;
    }

    private Object floatingPoint(String text) {
      String lower = text.toLowerCase(Locale.ROOT);
      return switch (lower) {
        case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
        case "-.inf" -> Double.NEGATIVE_INFINITY;
        case ".nan" -> Double.NaN;
        default -> Double.parseDouble(text);
      };
    }
  }

  /** A collection being built; {@code map} or {@code list} is set, never both. */
  private static final class Frame {
    final LinkedHashMap<String, Object> map;
    final ArrayList<Object> list;
    final Optional<String> anchor;
    final int firstChildSlot;
    String pendingKey;

    Frame(
        LinkedHashMap<String, Object> map,
        ArrayList<Object> list,
        Optional<String> anchor,
        int firstChildSlot) {
      this.map = map;
      this.list = list;
      this.anchor = anchor;
      this.firstChildSlot = firstChildSlot;
    }

    boolean expectsKey() {
      return map != null && pendingKey == null;
    }
  }

  /**
   * A completed anchored node: its value and the positions of everything below it, copied at each
   * alias.
   */
  private record Anchored(Object value, long[] descendants) {}
}
