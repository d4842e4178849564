package com.alphintra.infra.hcl;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits HCL native syntax into tokens.
 *
 * <p>The lexer never fails: characters that start no token become {@link TokenType#INVALID} tokens
 * and an unterminated string, heredoc or template sequence is closed with an empty closing token at
 * the end, so the parser can report the problem at the opening token. The token list always ends
 * with one {@link TokenType#EOF} token. Comments are tokens too, so suppression comments can be
 * found by line.
 */
public final class HclLexer {

  private enum Mode {
    NORMAL,
    SEQUENCE,
    QUOTED,
    HEREDOC,
    TEMPLATE_FILE
  }

  /** One level of the lexer's mode stack; templates nest inside expressions and vice versa. */
  private static final class Frame {
    final Mode mode;
    final String delimiter;
    int braces;
    boolean atLineStart;

    Frame(Mode mode, String delimiter) {
      this.mode = mode;
      this.delimiter = delimiter;
      this.atLineStart = true;
    }
  }

  private final String src;
  private final Path file;
  private final List<Token> tokens = new ArrayList<>();
  private final Deque<Frame> frames = new ArrayDeque<>();
  private int offset;
  private int line = 1;
  private int column = 1;

  private HclLexer(String src, Path file, Mode startMode) {
    this.src = src;
    this.file = file;
    frames.push(new Frame(startMode, null));
  }

  /** Tokens of a configuration file or expression. */
  public static List<Token> tokenize(String source, Path file) {
    return new HclLexer(source, file, Mode.NORMAL).run();
  }

  /**
   * Tokens of a standalone template (such as a {@code templatefile} input): literal text at the
   * top.
   */
  public static List<Token> tokenizeTemplate(String source, Path file) {
    return new HclLexer(source, file, Mode.TEMPLATE_FILE).run();
  }

  private List<Token> run() {
    while (offset < src.length()) {
      Frame frame = frames.peek();
      switch (frame.mode) {
        case NORMAL, SEQUENCE -> scanNormal(frame);
        case QUOTED -> scanQuoted();
        case HEREDOC, TEMPLATE_FILE -> scanHeredoc(frame);
        default -> throw new IllegalStateException(frame.mode.name());
      }
    }
    while (frames.size() > 1) {
      Frame frame = frames.pop();
      switch (frame.mode) {
        case SEQUENCE -> emitEmpty(TokenType.TEMPLATE_SEQUENCE_END);
        case QUOTED -> emitEmpty(TokenType.CLOSE_QUOTE);
        case HEREDOC -> emitEmpty(TokenType.CLOSE_HEREDOC);
        default -> {}
      }
    }
    emitEmpty(TokenType.EOF);
    return List.copyOf(tokens);
  }

  private void scanNormal(Frame frame) {
    char c = src.charAt(offset);
    if (c == ' ' || c == '\t') {
      advance(1);
      return;
    }
    if (c == '\n' || startsWith("\r\n")) {
      emit(TokenType.NEWLINE, c == '\n' ? 1 : 2);
      return;
    }
    if (c == '#' || startsWith("//")) {
      emit(TokenType.COMMENT, lineEnd() - offset);
      return;
    }
    if (startsWith("/*")) {
      int close = src.indexOf("*/", offset + 2);
      if (close < 0) {
        emit(TokenType.UNTERMINATED_COMMENT, src.length() - offset);
      } else {
        emit(TokenType.COMMENT, close + 2 - offset);
      }
      return;
    }
    if (isDigit(c)) {
      emit(TokenType.NUMBER, numberLength());
      return;
    }
    int cp = src.codePointAt(offset);
    if (isIdentifierStart(cp)) {
      emit(TokenType.IDENTIFIER, identifierLength(offset) - offset);
      return;
    }
    if (c == '"') {
      emit(TokenType.OPEN_QUOTE, 1);
      frames.push(new Frame(Mode.QUOTED, null));
      return;
    }
    if (startsWith("<<") && tryHeredoc()) {
      return;
    }
    if (c == '{') {
      frame.braces++;
      emit(TokenType.OPEN_BRACE, 1);
      return;
    }
    if (c == '}') {
      if (frame.mode == Mode.SEQUENCE && frame.braces == 0) {
        emit(TokenType.TEMPLATE_SEQUENCE_END, 1);
        frames.pop();
      } else {
        frame.braces = Math.max(0, frame.braces - 1);
        emit(TokenType.CLOSE_BRACE, 1);
      }
      return;
    }
    if (c == '~' && frame.mode == Mode.SEQUENCE && frame.braces == 0 && startsWith("~}")) {
      emit(TokenType.TEMPLATE_SEQUENCE_END, 2);
      frames.pop();
      return;
    }
    scanOperator(c, cp);
  }

  private void scanOperator(char c, int cp) {
    switch (c) {
      case '.' -> {
        if (startsWith("...")) {
          emit(TokenType.ELLIPSIS, 3);
        } else {
          emit(TokenType.DOT, 1);
        }
      }
      case '=' -> {
        if (startsWith("=>")) {
          emit(TokenType.FAT_ARROW, 2);
        } else if (startsWith("==")) {
          emit(TokenType.EQUAL_EQUAL, 2);
        } else {
          emit(TokenType.EQUAL, 1);
        }
      }
      case '!' -> emitOneOrTwo("!=", TokenType.NOT_EQUAL, TokenType.BANG);
      case '<' -> emitOneOrTwo("<=", TokenType.LESS_EQUAL, TokenType.LESS);
      case '>' -> emitOneOrTwo(">=", TokenType.GREATER_EQUAL, TokenType.GREATER);
      case '&' -> emitOneOrTwo("&&", TokenType.AND, TokenType.INVALID);
      case '|' -> emitOneOrTwo("||", TokenType.OR, TokenType.INVALID);
      case '+' -> emit(TokenType.PLUS, 1);
      case '-' -> emit(TokenType.MINUS, 1);
      case '*' -> emit(TokenType.STAR, 1);
      case '/' -> emit(TokenType.SLASH, 1);
      case '%' -> emit(TokenType.PERCENT, 1);
      case '?' -> emit(TokenType.QUESTION, 1);
      case ':' -> emit(TokenType.COLON, 1);
      case ',' -> emit(TokenType.COMMA, 1);
      case '(' -> emit(TokenType.OPEN_PAREN, 1);
      case ')' -> emit(TokenType.CLOSE_PAREN, 1);
      case '[' -> emit(TokenType.OPEN_BRACKET, 1);
      case ']' -> emit(TokenType.CLOSE_BRACKET, 1);
      default -> emit(TokenType.INVALID, Character.charCount(cp));
    }
  }

  private void emitOneOrTwo(String two, TokenType twoType, TokenType oneType) {
    if (startsWith(two)) {
      emit(twoType, 2);
    } else {
      emit(oneType, 1);
    }
  }

  /** A heredoc introducer is {@code <<} or {@code <<-}, an identifier, and the end of the line. */
  private boolean tryHeredoc() {
    int i = offset + 2;
    if (i < src.length() && src.charAt(i) == '-') {
      i++;
    }
    if (i >= src.length() || !isIdentifierStart(src.codePointAt(i))) {
      return false;
    }
    int nameEnd = identifierLength(i);
    String name = src.substring(i, nameEnd);
    int newline;
    if (src.startsWith("\n", nameEnd)) {
      newline = 1;
    } else if (src.startsWith("\r\n", nameEnd)) {
      newline = 2;
    } else {
      return false;
    }
    emit(TokenType.OPEN_HEREDOC, nameEnd + newline - offset);
    frames.push(new Frame(Mode.HEREDOC, name));
    return true;
  }

  private void scanQuoted() {
    int start = offset;
    int i = offset;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '"' || c == '\n' || src.startsWith("\r\n", i) || isSequenceStart(i)) {
        break;
      }
      if (c == '\\'
          && i + 1 < src.length()
          && src.charAt(i + 1) != '\n'
          && src.charAt(i + 1) != '\r') {
        i += 2;
      } else if (src.startsWith("$${", i) || src.startsWith("%%{", i)) {
        i += 3;
      } else {
        i++;
      }
    }
    if (i > start) {
      emit(TokenType.QUOTED_LITERAL, i - start);
      return;
    }
    char c = src.charAt(offset);
    if (c == '"') {
      emit(TokenType.CLOSE_QUOTE, 1);
      frames.pop();
    } else if (isSequenceStart(offset)) {
      openSequence();
    } else {
      // A quoted template cannot span lines: close it here and let the parser report it.
      emitEmpty(TokenType.CLOSE_QUOTE);
      frames.pop();
    }
  }

  private void scanHeredoc(Frame frame) {
    if (frame.mode == Mode.HEREDOC && frame.atLineStart && isClosingDelimiter(frame.delimiter)) {
      int end = offset;
      while (src.charAt(end) == ' ' || src.charAt(end) == '\t') {
        end++;
      }
      emit(TokenType.CLOSE_HEREDOC, end + frame.delimiter.length() - offset);
      frames.pop();
      return;
    }
    if (isSequenceStart(offset)) {
      frame.atLineStart = false;
      openSequence();
      return;
    }
    int start = offset;
    int i = offset;
    while (i < src.length() && !isSequenceStart(i)) {
      if (src.charAt(i) == '\n') {
        i++;
        break;
      }
      i += src.startsWith("$${", i) || src.startsWith("%%{", i) ? 3 : 1;
    }
    i = Math.min(i, src.length());
    frame.atLineStart = src.charAt(i - 1) == '\n';
    emit(TokenType.TEMPLATE_LITERAL, i - start);
  }

  private boolean isClosingDelimiter(String delimiter) {
    int i = offset;
    while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
      i++;
    }
    if (!src.startsWith(delimiter, i)) {
      return false;
    }
    int after = i + delimiter.length();
    return after == src.length() || src.charAt(after) == '\n' || src.startsWith("\r\n", after);
  }

  private boolean isSequenceStart(int i) {
    return src.startsWith("${", i) || src.startsWith("%{", i);
  }

  private void openSequence() {
    boolean strip = src.startsWith("~", offset + 2);
    TokenType type =
        src.charAt(offset) == '$' ? TokenType.TEMPLATE_INTERPOLATION : TokenType.TEMPLATE_CONTROL;
    emit(type, strip ? 3 : 2);
    frames.push(new Frame(Mode.SEQUENCE, null));
  }

  private int numberLength() {
    int i = digitsEnd(offset);
    if (i + 1 < src.length() && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
      i = digitsEnd(i + 1);
    }
    if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < src.length() && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
        j++;
      }
      if (j < src.length() && isDigit(src.charAt(j))) {
        i = digitsEnd(j);
      }
    }
    return i - offset;
  }

  private int digitsEnd(int from) {
    int i = from;
    while (i < src.length() && isDigit(src.charAt(i))) {
      i++;
    }
    return i;
  }

  private int identifierLength(int from) {
    int i = from + Character.charCount(src.codePointAt(from));
    while (i < src.length()) {
      int cp = src.codePointAt(i);
      if (cp != '-' && !Character.isUnicodeIdentifierPart(cp)
          || Character.isIdentifierIgnorable(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private int lineEnd() {
    int i = offset;
    while (i < src.length() && src.charAt(i) != '\n' && !src.startsWith("\r\n", i)) {
      i++;
    }
    return i;
  }

  /**
   * UAX #31 {@code ID_Start}, plus the underscore that HCL (and every Terraform file) allows first.
   */
  private static boolean isIdentifierStart(int cp) {
    return cp == '_' || Character.isUnicodeIdentifierStart(cp);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private boolean startsWith(String s) {
    return src.startsWith(s, offset);
  }

  private void emit(TokenType type, int length) {
    Pos start = pos();
    int from = offset;
    advance(length);
    tokens.add(new Token(type, src.substring(from, offset), new Range(file, start, pos())));
  }

  private void emitEmpty(TokenType type) {
    tokens.add(new Token(type, "", new Range(file, pos(), pos())));
  }

  private Pos pos() {
    return new Pos(line, column, offset);
  }

  private void advance(int length) {
    int end = Math.min(src.length(), offset + length);
    while (offset < end) {
      char c = src.charAt(offset);
      if (c == '\n') {
        line++;
        column = 1;
        offset++;
      } else if (Character.isHighSurrogate(c)
          && offset + 1 < src.length()
          && Character.isLowSurrogate(src.charAt(offset + 1))) {
        column++;
        offset += 2;
      } else {
        column++;
        offset++;
      }
    }
  }
}
