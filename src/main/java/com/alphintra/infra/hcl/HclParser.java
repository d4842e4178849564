package com.alphintra.infra.hcl;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for the HCL native syntax (hashicorp/hcl {@code hclsyntax/spec.md}).
 *
 * <p>Errors are collected as {@link Diagnostic}s while the parser recovers (skipping to the
 * matching bracket or to the end of the line), so one run reports as much as it can; the entry
 * points then either return the tree or throw one {@link HclParseException} carrying all of them.
 * Nothing else escapes: nesting deeper than {@value #MAX_DEPTH} levels is reported rather than
 * allowed to exhaust the stack, and every loop consumes a token or stops at the end of the input.
 */
public final class HclParser {

  /**
   * Deeper than any hand-written configuration nests, shallow enough for a default thread stack.
   */
  static final int MAX_DEPTH = 128;

  private static final Set<TokenType> OPENERS =
      Set.of(
          TokenType.OPEN_BRACE,
          TokenType.OPEN_BRACKET,
          TokenType.OPEN_PAREN,
          TokenType.TEMPLATE_INTERPOLATION,
          TokenType.TEMPLATE_CONTROL,
          TokenType.OPEN_QUOTE,
          TokenType.OPEN_HEREDOC);
  private static final Set<TokenType> CLOSERS =
      Set.of(
          TokenType.CLOSE_BRACE,
          TokenType.CLOSE_BRACKET,
          TokenType.CLOSE_PAREN,
          TokenType.TEMPLATE_SEQUENCE_END,
          TokenType.CLOSE_QUOTE,
          TokenType.CLOSE_HEREDOC);

  private final Path file;
  private final List<Token> tokens = new ArrayList<>();
  private final List<Token> comments = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Deque<Boolean> newlineModes = new ArrayDeque<>();
  private int pos;
  private int depth;
  private boolean depthReported;
  private Pos lastEnd = Pos.START;

  private HclParser(List<Token> all, Path file) {
    this.file = file;
    scanLexicalErrors(all);
  }

  /** Parses a configuration file's text; {@code file} is used for positions only. */
  public static HclFile parse(String source, Path file) {
    HclParser parser = new HclParser(HclLexer.tokenize(source, file), file);
    Body body = parser.parseBody(Pos.START, false);
    Token eof = parser.tokens.get(parser.tokens.size() - 1);
    Body whole =
        new Body(body.attributes(), body.blocks(), new Range(file, Pos.START, eof.range().end()));
    parser.throwIfErrors();
    return new HclFile(file, whole, parser.comments);
  }

  /**
   * Reads a file as UTF-8 and parses it. An unreadable file or one that is not valid UTF-8 is
   * reported as an {@link HclParseException} too, so callers handle one exception for "this input
   * is unusable".
   */
  public static HclFile parse(Path file) {
    return parse(read(file), file);
  }

  /** Parses a standalone expression, such as a value given on a command line. */
  public static Expression parseExpression(String source, Path file) {
    HclParser parser = new HclParser(HclLexer.tokenize(source, file), file);
    parser.newlineModes.push(false);
    Expression expression = parser.parseExpression();
    if (parser.peek().type() != TokenType.EOF && !parser.hasErrors()) {
      parser.error(
          parser.peek().range(),
          "Extra characters after expression",
          "An expression was parsed, but more text follows it. Remove the extra text.");
    }
    parser.throwIfErrors();
    return expression;
  }

  /**
   * Parses a standalone template, as {@code templatefile} reads one: literal text at the top level.
   */
  public static TemplateExpr parseTemplate(String source, Path file) {
    HclParser parser = new HclParser(HclLexer.tokenizeTemplate(source, file), file);
    List<RawPart> raw = parser.parseTemplateItems();
    List<TemplatePart> parts = parser.buildTemplate(raw, false);
    Token eof = parser.tokens.get(parser.tokens.size() - 1);
    parser.throwIfErrors();
    return new TemplateExpr(parts, false, new Range(file, Pos.START, eof.range().end()));
  }

  private static String read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new HclParseException(
          List.of(
              new Diagnostic(
                  Severity.ERROR,
                  "Invalid UTF-8",
                  "The file is not valid UTF-8 text. Save it as UTF-8.",
                  startOf(file))));
    } catch (IOException | RuntimeException e) {
      throw new HclParseException(
          List.of(
              new Diagnostic(
                  Severity.ERROR,
                  "Unreadable file",
                  "The file could not be read (" + e + "). Check that it exists and is readable.",
                  startOf(file))));
    }
  }

  private static Range startOf(Path file) {
    return new Range(file, Pos.START, Pos.START);
  }

  // ---------------------------------------------------------------------------------------------------
  // Lexical errors: reported first, since they explain most of what the parser trips over
  // afterwards.

  private void scanLexicalErrors(List<Token> all) {
    List<Diagnostic> lexical = new ArrayList<>();
    Deque<Token> openers = new ArrayDeque<>();
    int lastInvalidLine = 0;
    for (Token token : all) {
      switch (token.type()) {
        case COMMENT -> comments.add(token);
        case INVALID -> {
          if (token.range().start().line() != lastInvalidLine) {
            lastInvalidLine = token.range().start().line();
            lexical.add(
                new Diagnostic(
                    Severity.ERROR,
                    "Invalid character",
                    "The character "
                        + quote(token.text())
                        + " cannot be used here. Remove it, or"
                        + " put it inside a quoted string.",
                    token.range()));
          }
        }
        case UNTERMINATED_COMMENT ->
            lexical.add(
                new Diagnostic(
                    Severity.ERROR,
                    "Unterminated comment",
                    "This comment is never closed. Add \"*/\" where the comment ends.",
                    token.range()));
        case OPEN_QUOTE, OPEN_HEREDOC, TEMPLATE_INTERPOLATION, TEMPLATE_CONTROL -> {
          openers.push(token);
          tokens.add(token);
        }
        case CLOSE_QUOTE, CLOSE_HEREDOC, TEMPLATE_SEQUENCE_END -> {
          Token opener = openers.isEmpty() ? token : openers.pop();
          if (token.text().isEmpty()) {
            lexical.add(unterminated(token.type(), opener));
          }
          tokens.add(token);
        }
        default -> tokens.add(token);
      }
    }
    lexical.sort(Comparator.comparingInt(d -> d.subject().start().offset()));
    diagnostics.addAll(lexical);
  }

  private static Diagnostic unterminated(TokenType closer, Token opener) {
    return switch (closer) {
      case CLOSE_QUOTE ->
          new Diagnostic(
              Severity.ERROR,
              "Unterminated template string",
              "This quoted string has no closing quote on its line. Add the closing \" (use a heredoc"
                  + " for text over several lines).",
              opener.range());
      case CLOSE_HEREDOC ->
          new Diagnostic(
              Severity.ERROR,
              "Unterminated heredoc",
              "This heredoc is never closed. Add a line holding only its delimiter "
                  + quote(opener.text().replaceFirst("^<<-?", "").strip())
                  + ".",
              opener.range());
      default ->
          new Diagnostic(
              Severity.ERROR,
              "Unclosed template sequence",
              "This template sequence has no closing brace. Add \"}\" to end it.",
              opener.range());
    };
  }

  // ---------------------------------------------------------------------------------------------------
  // Token access

  private boolean newlinesMatter() {
    return newlineModes.isEmpty() || newlineModes.peek();
  }

  private Token peek() {
    if (!newlinesMatter()) {
      while (tokens.get(pos).type() == TokenType.NEWLINE) {
        pos++;
      }
    }
    return tokens.get(pos);
  }

  /** The token {@code n} places after {@link #peek()}, newlines included. */
  private Token peekAfter(int n) {
    peek();
    return tokens.get(Math.min(pos + n, tokens.size() - 1));
  }

  private Token advance() {
    Token token = peek();
    if (token.type() != TokenType.EOF) {
      pos++;
    }
    lastEnd = token.range().end();
    return token;
  }

  private void skipRawNewlines() {
    while (tokens.get(pos).type() == TokenType.NEWLINE) {
      advance();
    }
  }

  private Range span(Pos start) {
    return new Range(file, start, lastEnd.offset() < start.offset() ? start : lastEnd);
  }

  private int errorCount() {
    return diagnostics.size();
  }

  private boolean hasErrors() {
    return !diagnostics.isEmpty();
  }

  private void error(Range subject, String summary, String detail) {
    Diagnostic last = diagnostics.isEmpty() ? null : diagnostics.get(diagnostics.size() - 1);
    // One complaint per spot: a second error at the same place is a consequence of the first.
    if (last == null || last.subject().start().offset() != subject.start().offset()) {
      diagnostics.add(new Diagnostic(Severity.ERROR, summary, detail, subject));
    }
  }

  private void throwIfErrors() {
    if (hasErrors()) {
      throw new HclParseException(diagnostics);
    }
  }

  /**
   * Skips to the end of the current line, past balanced brackets; stops before a stray closing
   * brace.
   */
  private void recoverToLineEnd() {
    int nesting = 0;
    while (true) {
      Token token = tokens.get(pos);
      TokenType type = token.type();
      if (type == TokenType.EOF || (nesting == 0 && type == TokenType.CLOSE_BRACE)) {
        return;
      }
      pos++;
      lastEnd = token.range().end();
      if (type == TokenType.NEWLINE && nesting == 0) {
        return;
      }
      if (OPENERS.contains(type)) {
        nesting++;
      } else if (CLOSERS.contains(type) && nesting > 0) {
        nesting--;
      }
    }
  }

  /**
   * Skips past the closing token matching an already consumed opener; stops before a mismatched
   * closer.
   */
  private void recoverTo(TokenType close) {
    int nesting = 0;
    while (true) {
      Token token = tokens.get(pos);
      TokenType type = token.type();
      if (type == TokenType.EOF || (nesting == 0 && CLOSERS.contains(type) && type != close)) {
        return;
      }
      pos++;
      lastEnd = token.range().end();
      if (nesting == 0 && type == close) {
        return;
      }
      if (OPENERS.contains(type)) {
        nesting++;
      } else if (CLOSERS.contains(type)) {
        nesting--;
      }
    }
  }

  private boolean tooDeep(Token at) {
    if (depth <= MAX_DEPTH) {
      return false;
    }
    if (!depthReported) {
      depthReported = true;
      error(
          at.range(),
          "Nesting too deep",
          "Expressions and blocks may nest at most "
              + MAX_DEPTH
              + " levels. Split the expression into locals.");
    }
    return true;
  }

  private Expression placeholder(Token at) {
    // Only ever returned together with an error, so it never reaches a caller.
    return new NullLiteral(at.range());
  }

  // ---------------------------------------------------------------------------------------------------
  // Structure

  private Body parseBody(Pos start, boolean nested) {
    List<Attribute> attributes = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (true) {
      Token token = peek();
      TokenType type = token.type();
      if (type == TokenType.NEWLINE) {
        advance();
      } else if (type == TokenType.EOF || (type == TokenType.CLOSE_BRACE && nested)) {
        break;
      } else if (type == TokenType.CLOSE_BRACE) {
        error(
            token.range(),
            "Unexpected closing brace",
            "This closing brace has no block to close. Remove it, or add the block's opening line.");
        advance();
      } else if (type == TokenType.IDENTIFIER) {
        parseBodyItem(attributes, blocks, names);
      } else {
        error(
            token.range(),
            "Argument or block definition required",
            "Found "
                + describe(token)
                + " where an argument (name = value) or a block"
                + " (type \"label\" { ... }) should start.");
        recoverToLineEnd();
      }
    }
    return new Body(attributes, blocks, span(start));
  }

  private void parseBodyItem(List<Attribute> attributes, List<Block> blocks, Set<String> names) {
    Token name = advance();
    Token next = peek();
    if (next.type() == TokenType.EQUAL) {
      int errorsBefore = errorCount();
      Attribute attribute = parseAttribute(name);
      if (!names.add(attribute.name())) {
        error(
            attribute.nameRange(),
            "Attribute redefined",
            "The argument "
                + quote(attribute.name())
                + " was already set in this body. Each argument may be set only once.");
      }
      attributes.add(attribute);
      endOfLine(
          "Missing newline after argument",
          "An argument definition must end with a newline.",
          errorsBefore);
    } else if (next.type() == TokenType.OPEN_QUOTE
        || next.type() == TokenType.IDENTIFIER
        || next.type() == TokenType.OPEN_BRACE) {
      parseBlock(name).ifPresent(blocks::add);
    } else {
      error(
          next.range(),
          "Argument or block definition required",
          "After "
              + quote(name.text())
              + " an equals sign (\"=\") introduces an argument, and labels or an opening brace a block.");
      recoverToLineEnd();
    }
  }

  private Attribute parseAttribute(Token name) {
    advance();
    Expression value = parseExpression();
    return new Attribute(name.text(), name.range(), value, span(name.range().start()));
  }

  private void endOfLine(String summary, String detail, int errorsBefore) {
    Token token = peek();
    if (token.type() == TokenType.NEWLINE) {
      advance();
    } else if (token.type() != TokenType.EOF) {
      if (errorCount() == errorsBefore) {
        error(token.range(), summary, detail);
      }
      recoverToLineEnd();
    }
  }

  private Optional<Block> parseBlock(Token type) {
    int errorsBefore = errorCount();
    List<BlockLabel> labels = new ArrayList<>();
    while (peek().type() == TokenType.OPEN_QUOTE || peek().type() == TokenType.IDENTIFIER) {
      Token token = peek();
      if (token.type() == TokenType.IDENTIFIER) {
        advance();
        labels.add(new BlockLabel(token.text(), false, token.range()));
      } else {
        TemplateExpr label = parseQuotedTemplate();
        if (label.literalValue().isEmpty()) {
          error(
              label.range(),
              "Invalid block label",
              "A block label must be a literal string, without interpolation or directives.");
        }
        labels.add(new BlockLabel(label.literalValue().orElse(""), true, label.range()));
      }
    }
    if (peek().type() != TokenType.OPEN_BRACE) {
      if (errorCount() == errorsBefore) {
        error(
            peek().range(),
            "Invalid block definition",
            "Either a quoted string block label or an"
                + " opening brace (\"{\") is expected here.");
      }
      recoverToLineEnd();
      return Optional.empty();
    }
    Token open = advance();
    depth++;
    try {
      if (tooDeep(open)) {
        recoverTo(TokenType.CLOSE_BRACE);
        return Optional.empty();
      }
      Body body =
          peek().type() == TokenType.NEWLINE
              ? parseBody(open.range().start(), true)
              : parseOneLineBody(open);
      Token close = peek();
      if (close.type() != TokenType.CLOSE_BRACE) {
        error(
            open.range(),
            "Unclosed block",
            "The block "
                + quote(type.text())
                + " opened here has no"
                + " closing brace. Add \"}\" at the end of the block.");
        return Optional.empty();
      }
      advance();
      Body wholeBody = new Body(body.attributes(), body.blocks(), open.range().to(close.range()));
      Block block =
          new Block(
              type.text(),
              type.range(),
              labels,
              wholeBody,
              open.range(),
              close.range(),
              span(type.range().start()));
      endOfLine(
          "Missing newline after block definition",
          "A block definition must end with a newline after its closing brace.",
          errorCount());
      return Optional.of(block);
    } finally {
      depth--;
    }
  }

  /** {@code type { name = value }} on one line: at most one argument, no nested blocks. */
  private Body parseOneLineBody(Token open) {
    List<Attribute> attributes = new ArrayList<>();
    Token first = peek();
    if (first.type() == TokenType.IDENTIFIER && peekAfter(1).type() == TokenType.EQUAL) {
      attributes.add(parseAttribute(advance()));
    }
    Token next = peek();
    if (next.type() != TokenType.CLOSE_BRACE && next.type() != TokenType.EOF) {
      error(
          next.range(),
          "Invalid single-argument block definition",
          "A block on one line may hold"
              + " one argument; put each argument or nested block on its own line.");
      recoverToLineEnd();
    }
    return new Body(attributes, List.of(), span(open.range().start()));
  }

  // ---------------------------------------------------------------------------------------------------
  // Expressions

  private Expression parseExpression() {
    depth++;
    try {
      if (tooDeep(peek())) {
        return placeholder(peek());
      }
      return parseConditional();
    } finally {
      depth--;
    }
  }

  private Expression parseConditional() {
    Expression condition = parseBinary(1);
    if (peek().type() != TokenType.QUESTION) {
      return condition;
    }
    advance();
    int errorsBefore = errorCount();
    Expression whenTrue = parseExpression();
    if (peek().type() != TokenType.COLON) {
      if (errorCount() == errorsBefore) {
        error(
            peek().range(),
            "Missing false expression in conditional",
            "The conditional operator"
                + " needs a colon (\":\") followed by the result for a false condition.");
      }
      return whenTrue;
    }
    advance();
    Expression whenFalse = parseExpression();
    return new ConditionalExpr(condition, whenTrue, whenFalse, span(condition.range().start()));
  }

  private Expression parseBinary(int level) {
    if (level > 6) {
      return parseUnary();
    }
    Expression left = parseBinary(level + 1);
    int chained = 0;
    try {
      Optional<BinaryOperator> operator;
      while ((operator = binaryOperator(peek(), level)).isPresent()) {
        Token token = advance();
        chained++;
        depth++;
        if (tooDeep(token)) {
          return left;
        }
        Expression right = parseBinary(level + 1);
        left = new BinaryExpr(operator.get(), left, right, span(left.range().start()));
      }
      return left;
    } finally {
      depth -= chained;
    }
  }

  private static Optional<BinaryOperator> binaryOperator(Token token, int level) {
    BinaryOperator operator =
        switch (token.type()) {
          case OR -> BinaryOperator.OR;
          case AND -> BinaryOperator.AND;
          case EQUAL_EQUAL -> BinaryOperator.EQUAL;
          case NOT_EQUAL -> BinaryOperator.NOT_EQUAL;
          case LESS -> BinaryOperator.LESS;
          case GREATER -> BinaryOperator.GREATER;
          case LESS_EQUAL -> BinaryOperator.LESS_OR_EQUAL;
          case GREATER_EQUAL -> BinaryOperator.GREATER_OR_EQUAL;
          case PLUS -> BinaryOperator.ADD;
          case MINUS -> BinaryOperator.SUBTRACT;
          case STAR -> BinaryOperator.MULTIPLY;
          case SLASH -> BinaryOperator.DIVIDE;
          case PERCENT -> BinaryOperator.MODULO;
          default -> null;
        };
    return operator != null && operator.precedence() == level
        ? Optional.of(operator)
        : Optional.empty();
  }

  private Expression parseUnary() {
    Token token = peek();
    UnaryOperator operator =
        token.type() == TokenType.MINUS
            ? UnaryOperator.NEGATE
            : token.type() == TokenType.BANG ? UnaryOperator.NOT : null;
    if (operator == null) {
      return parsePostfix(parseTerm());
    }
    advance();
    depth++;
    try {
      if (tooDeep(token)) {
        return placeholder(token);
      }
      Expression operand = parseUnary();
      return new UnaryExpr(operator, operand, span(token.range().start()));
    } finally {
      depth--;
    }
  }

  private Expression parsePostfix(Expression term) {
    Expression current = term;
    int chained = 0;
    try {
      while (true) {
        Token token = peek();
        Pos start = current.range().start();
        if (token.type() == TokenType.DOT) {
          Token next = peekAfter(1);
          if (next.type() == TokenType.STAR) {
            advance();
            Token star = advance();
            current = parseSplat(current, false, token.range().to(star.range()));
          } else {
            Optional<Expression> step = parseDotStep(current, start);
            if (step.isEmpty()) {
              return current;
            }
            current = step.get();
          }
        } else if (token.type() == TokenType.OPEN_BRACKET) {
          if (peekAfter(1).type() == TokenType.STAR
              && peekAfter(2).type() == TokenType.CLOSE_BRACKET) {
            advance();
            advance();
            Token close = advance();
            current = parseSplat(current, true, token.range().to(close.range()));
          } else {
            current = parseIndex(current, start);
          }
        } else {
          return current;
        }
        chained++;
        depth++;
        if (tooDeep(token)) {
          return current;
        }
      }
    } finally {
      depth -= chained;
    }
  }

  /** {@code .name} or the legacy {@code .0}; empty (with an error) when neither follows the dot. */
  private Optional<Expression> parseDotStep(Expression object, Pos start) {
    advance();
    Token name = tokens.get(pos);
    if (name.type() == TokenType.IDENTIFIER) {
      advance();
      return Optional.of(new GetAttrExpr(object, name.text(), name.range(), span(start)));
    }
    if (name.type() == TokenType.NUMBER) {
      advance();
      if (!name.text().chars().allMatch(Character::isDigit)) {
        error(
            name.range(),
            "Invalid legacy index",
            "A legacy index after a dot must be a whole"
                + " number and cannot be chained (\"foo.0.1\"); write foo[0][1] instead.");
      }
      return Optional.of(
          new IndexExpr(object, new NumberLiteral(name.text(), name.range()), span(start)));
    }
    error(name.range(), "Invalid attribute name", "An attribute name is required after a dot.");
    return Optional.empty();
  }

  private Expression parseIndex(Expression collection, Pos start) {
    advance();
    newlineModes.push(false);
    try {
      int errorsBefore = errorCount();
      Expression key = parseExpression();
      if (peek().type() == TokenType.CLOSE_BRACKET) {
        advance();
      } else {
        if (errorCount() == errorsBefore) {
          error(
              peek().range(),
              "Missing close bracket on index",
              "The index operator must end with a closing bracket (\"]\").");
        }
        recoverTo(TokenType.CLOSE_BRACKET);
      }
      return new IndexExpr(collection, key, span(start));
    } finally {
      newlineModes.pop();
    }
  }

  private Expression parseSplat(Expression source, boolean full, Range operator) {
    Expression each = new SplatItemExpr(operator);
    int steps = 0;
    try {
      while (true) {
        Token token = peek();
        if (token.type() == TokenType.DOT && peekAfter(1).type() != TokenType.STAR) {
          Optional<Expression> step = parseDotStep(each, operator.start());
          if (step.isEmpty()) {
            break;
          }
          each = step.get();
        } else if (full
            && token.type() == TokenType.OPEN_BRACKET
            && peekAfter(1).type() != TokenType.STAR) {
          each = parseIndex(each, operator.start());
        } else {
          break;
        }
        steps++;
        depth++;
        if (tooDeep(token)) {
          break;
        }
      }
      return new SplatExpr(source, each, full, span(source.range().start()));
    } finally {
      depth -= steps;
    }
  }

  private Expression parseTerm() {
    Token token = peek();
    return switch (token.type()) {
      case NUMBER -> {
        advance();
        yield new NumberLiteral(token.text(), token.range());
      }
      case IDENTIFIER -> parseIdentifierTerm();
      case OPEN_QUOTE -> parseQuotedTemplate();
      case OPEN_HEREDOC -> parseHeredoc();
      case OPEN_PAREN -> parseParentheses();
      case OPEN_BRACKET -> parseTuple();
      case OPEN_BRACE -> parseObject();
      default -> {
        error(
            token.range(),
            "Invalid expression",
            "Expected the start of an expression, but found " + describe(token) + ".");
        yield placeholder(token);
      }
    };
  }

  private Expression parseIdentifierTerm() {
    Token name = advance();
    switch (name.text()) {
      case "true" -> {
        return new BoolLiteral(true, name.range());
      }
      case "false" -> {
        return new BoolLiteral(false, name.range());
      }
      case "null" -> {
        return new NullLiteral(name.range());
      }
      default -> {}
    }
    StringBuilder function = new StringBuilder(name.text());
    Pos end = name.range().end();
    // provider::name::function — colons written without spaces, which no other construct allows.
    while (tokens.get(pos).type() == TokenType.COLON
        && tokens.get(pos + 1).type() == TokenType.COLON
        && tokens.get(pos + 2).type() == TokenType.IDENTIFIER
        && tokens.get(pos).range().start().offset() == end.offset()
        && tokens.get(pos + 2).range().start().offset()
            == tokens.get(pos + 1).range().end().offset()) {
      advance();
      advance();
      Token part = advance();
      function.append("::").append(part.text());
      end = part.range().end();
    }
    Range nameRange = new Range(file, name.range().start(), end);
    if (peek().type() == TokenType.OPEN_PAREN) {
      return parseFunctionCall(function.toString(), nameRange);
    }
    if (function.length() != name.text().length()) {
      error(
          peek().range(),
          "Missing function arguments",
          "A provider function name must be followed" + " by its arguments in parentheses.");
    }
    return new VariableExpr(name.text(), name.range());
  }

  private Expression parseFunctionCall(String name, Range nameRange) {
    advance();
    newlineModes.push(false);
    List<Expression> arguments = new ArrayList<>();
    boolean expand = false;
    try {
      while (peek().type() != TokenType.CLOSE_PAREN) {
        int errorsBefore = errorCount();
        Expression argument = parseExpression();
        if (errorCount() > errorsBefore) {
          recoverTo(TokenType.CLOSE_PAREN);
          return new FunctionCallExpr(name, nameRange, arguments, expand, span(nameRange.start()));
        }
        arguments.add(argument);
        Token next = peek();
        if (next.type() == TokenType.ELLIPSIS) {
          advance();
          expand = true;
          if (peek().type() != TokenType.CLOSE_PAREN) {
            error(
                peek().range(),
                "Missing closing parenthesis",
                "An expanded argument (\"...\")"
                    + " must be the last one; close the call with \")\".");
            recoverTo(TokenType.CLOSE_PAREN);
            return new FunctionCallExpr(name, nameRange, arguments, true, span(nameRange.start()));
          }
        } else if (next.type() == TokenType.COMMA) {
          advance();
        } else if (next.type() != TokenType.CLOSE_PAREN) {
          error(
              next.range(),
              "Missing argument separator",
              "A comma is required to separate each function argument from the next.");
          recoverTo(TokenType.CLOSE_PAREN);
          return new FunctionCallExpr(name, nameRange, arguments, expand, span(nameRange.start()));
        }
      }
      advance();
      return new FunctionCallExpr(name, nameRange, arguments, expand, span(nameRange.start()));
    } finally {
      newlineModes.pop();
    }
  }

  private Expression parseParentheses() {
    Token open = advance();
    newlineModes.push(false);
    try {
      int errorsBefore = errorCount();
      Expression inner = parseExpression();
      if (peek().type() == TokenType.CLOSE_PAREN) {
        advance();
      } else {
        if (errorCount() == errorsBefore) {
          error(
              peek().range(),
              "Unbalanced parentheses",
              "Expected a closing parenthesis to terminate the expression.");
        }
        recoverTo(TokenType.CLOSE_PAREN);
      }
      return new ParenthesesExpr(inner, span(open.range().start()));
    } finally {
      newlineModes.pop();
    }
  }

  private Expression parseTuple() {
    Token open = advance();
    newlineModes.push(false);
    try {
      if (peek().isKeyword("for")) {
        return parseFor(open, TokenType.CLOSE_BRACKET);
      }
      List<Expression> elements = new ArrayList<>();
      while (peek().type() != TokenType.CLOSE_BRACKET) {
        int errorsBefore = errorCount();
        Expression element = parseExpression();
        if (errorCount() > errorsBefore) {
          recoverTo(TokenType.CLOSE_BRACKET);
          return new TupleExpr(elements, span(open.range().start()));
        }
        elements.add(element);
        Token next = peek();
        if (next.type() == TokenType.COMMA) {
          advance();
        } else if (next.type() != TokenType.CLOSE_BRACKET) {
          error(
              next.range(),
              "Missing item separator",
              "Expected a comma to mark the beginning of the next item.");
          recoverTo(TokenType.CLOSE_BRACKET);
          return new TupleExpr(elements, span(open.range().start()));
        }
      }
      advance();
      return new TupleExpr(elements, span(open.range().start()));
    } finally {
      newlineModes.pop();
    }
  }

  private Expression parseObject() {
    Token open = advance();
    int look = pos;
    while (tokens.get(look).type() == TokenType.NEWLINE) {
      look++;
    }
    if (tokens.get(look).isKeyword("for")) {
      newlineModes.push(false);
      try {
        return parseFor(open, TokenType.CLOSE_BRACE);
      } finally {
        newlineModes.pop();
      }
    }
    newlineModes.push(true);
    try {
      List<ObjectItem> items = new ArrayList<>();
      while (true) {
        skipRawNewlines();
        if (peek().type() == TokenType.CLOSE_BRACE) {
          break;
        }
        int errorsBefore = errorCount();
        Expression key = parseExpression();
        Token separator = peek();
        if (errorCount() == errorsBefore
            && separator.type() != TokenType.EQUAL
            && separator.type() != TokenType.COLON) {
          error(
              separator.range(),
              "Missing key/value separator",
              "Expected an equals sign (\"=\")" + " to mark the beginning of the attribute value.");
        }
        if (errorCount() > errorsBefore) {
          recoverTo(TokenType.CLOSE_BRACE);
          return new ObjectExpr(items, span(open.range().start()));
        }
        advance();
        Expression value = parseExpression();
        if (errorCount() > errorsBefore) {
          recoverTo(TokenType.CLOSE_BRACE);
          return new ObjectExpr(items, span(open.range().start()));
        }
        items.add(new ObjectItem(key, value, span(key.range().start())));
        Token next = peek();
        if (next.type() == TokenType.COMMA || next.type() == TokenType.NEWLINE) {
          advance();
        } else if (next.type() != TokenType.CLOSE_BRACE) {
          error(
              next.range(),
              "Missing attribute separator",
              "Expected a newline or comma to mark" + " the beginning of the next attribute.");
          recoverTo(TokenType.CLOSE_BRACE);
          return new ObjectExpr(items, span(open.range().start()));
        }
      }
      advance();
      return new ObjectExpr(items, span(open.range().start()));
    } finally {
      newlineModes.pop();
    }
  }

  private Expression parseFor(Token open, TokenType close) {
    int errorsBefore = errorCount();
    Token keyword = advance();
    boolean object = close == TokenType.CLOSE_BRACE;
    Optional<String> keyVariable = Optional.empty();
    String valueVariable = "";
    Expression collection = placeholder(keyword);
    Optional<Expression> keyExpression = Optional.empty();
    Expression valueExpression = placeholder(keyword);
    boolean grouping = false;
    Optional<Expression> condition = Optional.empty();
    Optional<Token> first =
        expectIdentifier("For expression requires a variable name after 'for'.");
    if (first.isPresent()) {
      valueVariable = first.get().text();
      if (peek().type() == TokenType.COMMA) {
        advance();
        Optional<Token> second =
            expectIdentifier("For expression requires a value variable name" + " after the comma.");
        keyVariable = Optional.of(valueVariable);
        valueVariable = second.map(Token::text).orElse("");
      }
    }
    if (errorCount() == errorsBefore
        && expectKeyword(
            "in", "For expression requires the 'in' keyword" + " after its variable names.")) {
      collection = parseExpression();
    }
    if (errorCount() == errorsBefore
        && expect(
            TokenType.COLON,
            "Missing colon in for expression",
            "The collection of a for expression must be followed by a colon (\":\").")) {
      if (object) {
        keyExpression = Optional.of(parseExpression());
        if (errorCount() == errorsBefore
            && expect(
                TokenType.FAT_ARROW,
                "Missing key/value separator",
                "An object for expression needs \"=>\" between the key and the value.")) {
          valueExpression = parseExpression();
          if (peek().type() == TokenType.ELLIPSIS) {
            advance();
            grouping = true;
          }
        }
      } else {
        valueExpression = parseExpression();
      }
    }
    if (errorCount() == errorsBefore && peek().isKeyword("if")) {
      advance();
      condition = Optional.of(parseExpression());
    }
    if (errorCount() == errorsBefore) {
      expect(
          close,
          "Invalid for expression",
          "Extra characters after the end of the for expression;"
              + " expected "
              + (object ? "\"}\"" : "\"]\"")
              + ".");
    }
    if (errorCount() > errorsBefore) {
      recoverTo(close);
      return placeholder(keyword);
    }
    return new ForExpr(
        keyVariable,
        valueVariable,
        collection,
        keyExpression,
        valueExpression,
        grouping,
        condition,
        span(open.range().start()));
  }

  private Optional<Token> expectIdentifier(String detail) {
    if (peek().type() == TokenType.IDENTIFIER) {
      return Optional.of(advance());
    }
    error(peek().range(), "Invalid for expression", detail);
    return Optional.empty();
  }

  private boolean expectKeyword(String keyword, String detail) {
    if (peek().isKeyword(keyword)) {
      advance();
      return true;
    }
    error(peek().range(), "Invalid for expression", detail);
    return false;
  }

  private boolean expect(TokenType type, String summary, String detail) {
    if (peek().type() == type) {
      advance();
      return true;
    }
    error(peek().range(), summary, detail);
    return false;
  }

  // ---------------------------------------------------------------------------------------------------
  // Templates

  /** One element of a template before directives are nested and strip markers applied. */
  private sealed interface RawPart permits RawLiteral, RawInterpolation, RawDirective {
    Range range();
  }

  private record RawLiteral(String value, Range range) implements RawPart {}

  private record RawInterpolation(
      Expression expression, boolean stripBefore, boolean stripAfter, Range range)
      implements RawPart {}

  private record RawDirective(
      String keyword,
      Optional<Expression> expression,
      Optional<String> keyVariable,
      String valueVariable,
      boolean stripBefore,
      boolean stripAfter,
      Range range)
      implements RawPart {}

  private TemplateExpr parseQuotedTemplate() {
    Token open = advance();
    List<RawPart> raw = parseTemplateItems();
    expectTemplateEnd(TokenType.CLOSE_QUOTE, open);
    return new TemplateExpr(buildTemplate(raw, false), false, span(open.range().start()));
  }

  private TemplateExpr parseHeredoc() {
    Token open = advance();
    List<RawPart> raw = parseTemplateItems();
    expectTemplateEnd(TokenType.CLOSE_HEREDOC, open);
    return new TemplateExpr(
        buildTemplate(raw, open.text().startsWith("<<-")), true, span(open.range().start()));
  }

  private void expectTemplateEnd(TokenType close, Token open) {
    if (tokens.get(pos).type() == close) {
      advance();
    } else if (!hasErrors()) {
      error(open.range(), "Unterminated template", "The template that starts here is not closed.");
    }
  }

  private List<RawPart> parseTemplateItems() {
    List<RawPart> parts = new ArrayList<>();
    while (true) {
      Token token = tokens.get(pos);
      switch (token.type()) {
        case QUOTED_LITERAL -> {
          advance();
          parts.add(new RawLiteral(decodeQuoted(token), token.range()));
        }
        case TEMPLATE_LITERAL -> {
          advance();
          parts.add(new RawLiteral(unescapeSequences(token.text()), token.range()));
        }
        case TEMPLATE_INTERPOLATION -> parts.add(parseInterpolation());
        case TEMPLATE_CONTROL -> parts.add(parseDirective());
        default -> {
          return parts;
        }
      }
    }
  }

  private RawPart parseInterpolation() {
    Token open = advance();
    newlineModes.push(false);
    try {
      int errorsBefore = errorCount();
      Expression expression = parseExpression();
      boolean stripAfter = expectSequenceEnd(errorsBefore);
      return new RawInterpolation(
          expression, open.text().endsWith("~"), stripAfter, span(open.range().start()));
    } finally {
      newlineModes.pop();
    }
  }

  private boolean expectSequenceEnd(int errorsBefore) {
    Token end = peek();
    if (end.type() == TokenType.TEMPLATE_SEQUENCE_END) {
      advance();
      return end.text().startsWith("~");
    }
    if (errorCount() == errorsBefore) {
      error(
          end.range(),
          "Extra characters in template sequence",
          "Expected the closing brace (\"}\") of"
              + " the template sequence, but found "
              + describe(end)
              + ".");
    }
    recoverTo(TokenType.TEMPLATE_SEQUENCE_END);
    return false;
  }

  private RawPart parseDirective() {
    Token open = advance();
    newlineModes.push(false);
    try {
      int errorsBefore = errorCount();
      Token keyword = peek();
      Optional<Expression> expression = Optional.empty();
      Optional<String> keyVariable = Optional.empty();
      String valueVariable = "";
      switch (keyword.type() == TokenType.IDENTIFIER ? keyword.text() : "") {
        case "if" -> {
          advance();
          expression = Optional.of(parseExpression());
        }
        case "else", "endif", "endfor" -> advance();
        case "for" -> {
          advance();
          Optional<Token> first =
              expectIdentifier("A template for directive needs a variable name.");
          valueVariable = first.map(Token::text).orElse("");
          if (first.isPresent() && peek().type() == TokenType.COMMA) {
            advance();
            keyVariable = Optional.of(valueVariable);
            valueVariable =
                expectIdentifier("A value variable name must follow the comma.")
                    .map(Token::text)
                    .orElse("");
          }
          if (errorCount() == errorsBefore
              && expectKeyword(
                  "in",
                  "A template for directive needs"
                      + " the 'in' keyword after its variable names.")) {
            expression = Optional.of(parseExpression());
          }
        }
        default ->
            error(
                keyword.range(),
                "Invalid template directive",
                "A template directive keyword"
                    + " (\"if\", \"else\", \"endif\", \"for\" or \"endfor\") is expected after \"%{\".");
      }
      boolean stripAfter = expectSequenceEnd(errorsBefore);
      return new RawDirective(
          keyword.text(),
          expression,
          keyVariable,
          valueVariable,
          open.text().endsWith("~"),
          stripAfter,
          span(open.range().start()));
    } finally {
      newlineModes.pop();
    }
  }

  private List<TemplatePart> buildTemplate(List<RawPart> raw, boolean stripIndent) {
    List<RawPart> parts = stripIndent ? stripIndentation(raw) : new ArrayList<>(raw);
    applyStripMarkers(parts);
    List<RawPart> merged = mergeLiterals(parts);
    int[] index = {0};
    return nest(merged, index, Set.of());
  }

  /**
   * {@code <<-}: remove the smallest leading indentation of the non-blank lines from every line.
   */
  private static List<RawPart> stripIndentation(List<RawPart> raw) {
    int indent = Integer.MAX_VALUE;
    for (RawPart part : raw) {
      if (part.range().start().column() != 1) {
        continue;
      }
      if (part instanceof RawLiteral literal) {
        if (!literal.value().isBlank() || !literal.value().endsWith("\n")) {
          indent = Math.min(indent, leadingWhitespace(literal.value()));
        }
      } else {
        indent = 0;
      }
    }
    List<RawPart> stripped = new ArrayList<>();
    for (RawPart part : raw) {
      if (part instanceof RawLiteral literal && part.range().start().column() == 1) {
        int remove = Math.min(indent, leadingWhitespace(literal.value()));
        stripped.add(new RawLiteral(literal.value().substring(remove), literal.range()));
      } else {
        stripped.add(part);
      }
    }
    return stripped;
  }

  private static int leadingWhitespace(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static void applyStripMarkers(List<RawPart> parts) {
    for (int i = 0; i < parts.size(); i++) {
      RawPart part = parts.get(i);
      boolean before =
          part instanceof RawInterpolation in
              ? in.stripBefore()
              : part instanceof RawDirective directive && directive.stripBefore();
      boolean after =
          part instanceof RawInterpolation in
              ? in.stripAfter()
              : part instanceof RawDirective directive && directive.stripAfter();
      if (before && i > 0 && parts.get(i - 1) instanceof RawLiteral literal) {
        parts.set(i - 1, new RawLiteral(stripTrailing(literal.value()), literal.range()));
      }
      if (after && i + 1 < parts.size() && parts.get(i + 1) instanceof RawLiteral literal) {
        parts.set(i + 1, new RawLiteral(stripLeading(literal.value()), literal.range()));
      }
    }
  }

  private static String stripLeading(String text) {
    int i = 0;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return text.substring(i);
  }

  private static String stripTrailing(String text) {
    int i = text.length();
    while (i > 0 && isSpace(text.charAt(i - 1))) {
      i--;
    }
    return text.substring(0, i);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private List<RawPart> mergeLiterals(List<RawPart> parts) {
    List<RawPart> merged = new ArrayList<>();
    for (RawPart part : parts) {
      if (part instanceof RawLiteral literal
          && !merged.isEmpty()
          && merged.get(merged.size() - 1) instanceof RawLiteral previous) {
        merged.set(
            merged.size() - 1,
            new RawLiteral(
                previous.value() + literal.value(), previous.range().to(literal.range())));
      } else {
        merged.add(part);
      }
    }
    merged.removeIf(part -> part instanceof RawLiteral literal && literal.value().isEmpty());
    return merged;
  }

  /** Turns the flat directive sequence into nested if/for parts, stopping before a terminator. */
  private List<TemplatePart> nest(List<RawPart> raw, int[] index, Set<String> terminators) {
    List<TemplatePart> parts = new ArrayList<>();
    while (index[0] < raw.size()) {
      RawPart part = raw.get(index[0]);
      if (part instanceof RawLiteral literal) {
        parts.add(new TemplateLiteral(literal.value(), literal.range()));
        index[0]++;
      } else if (part instanceof RawInterpolation in) {
        parts.add(
            new TemplateInterpolation(
                in.expression(), in.stripBefore(), in.stripAfter(), in.range()));
        index[0]++;
      } else if (part instanceof RawDirective directive) {
        if (terminators.contains(directive.keyword())) {
          return parts;
        }
        index[0]++;
        depth++;
        try {
          if (depth > MAX_DEPTH) {
            if (!depthReported) {
              depthReported = true;
              error(
                  directive.range(),
                  "Nesting too deep",
                  "Template directives may nest at most " + MAX_DEPTH + " levels.");
            }
            index[0] = raw.size();
            return parts;
          }
          nestDirective(directive, raw, index).ifPresent(parts::add);
        } finally {
          depth--;
        }
      }
    }
    return parts;
  }

  private Optional<TemplatePart> nestDirective(
      RawDirective directive, List<RawPart> raw, int[] index) {
    Expression expression = directive.expression().orElse(new NullLiteral(directive.range()));
    switch (directive.keyword()) {
      case "if" -> {
        List<TemplatePart> whenTrue = nest(raw, index, Set.of("else", "endif"));
        List<TemplatePart> whenFalse = List.of();
        if (isDirective(raw, index[0], "else")) {
          index[0]++;
          whenFalse = nest(raw, index, Set.of("endif"));
        }
        if (!isDirective(raw, index[0], "endif")) {
          error(
              directive.range(),
              "Unclosed if directive",
              "This %{ if } has no matching %{ endif }. Add one where the conditional part ends.");
          return Optional.empty();
        }
        Range end = raw.get(index[0]++).range();
        return Optional.of(
            new TemplateIf(expression, whenTrue, whenFalse, directive.range().to(end)));
      }
      case "for" -> {
        List<TemplatePart> body = nest(raw, index, Set.of("endfor"));
        if (!isDirective(raw, index[0], "endfor")) {
          error(
              directive.range(),
              "Unclosed for directive",
              "This %{ for } has no matching %{ endfor }. Add one where the repeated part ends.");
          return Optional.empty();
        }
        Range end = raw.get(index[0]++).range();
        return Optional.of(
            new TemplateFor(
                directive.keyVariable(),
                directive.valueVariable(),
                expression,
                body,
                directive.range().to(end)));
      }
      default -> {
        error(
            directive.range(),
            "Unexpected " + directive.keyword() + " directive",
            "This %{ " + directive.keyword() + " } has no matching opening directive. Remove it.");
        return Optional.empty();
      }
    }
  }

  private static boolean isDirective(List<RawPart> raw, int index, String keyword) {
    return index < raw.size()
        && raw.get(index) instanceof RawDirective directive
        && directive.keyword().equals(keyword);
  }

  private String decodeQuoted(Token token) {
    String text = token.text();
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
        out.append(text, i + 1, i + 3);
        i += 3;
      } else if (c == '\\' && i + 1 < text.length()) {
        i = decodeEscape(token, text, i, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private int decodeEscape(Token token, String text, int at, StringBuilder out) {
    char kind = text.charAt(at + 1);
    switch (kind) {
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case 'u', 'U' -> {
        int digits = kind == 'u' ? 4 : 8;
        String hex =
            text.length() >= at + 2 + digits ? text.substring(at + 2, at + 2 + digits) : "";
        if (hex.length() == digits && hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
          long codePoint = Long.parseLong(hex, 16);
          if (Character.isValidCodePoint((int) Math.min(codePoint, Integer.MAX_VALUE))) {
            out.appendCodePoint((int) codePoint);
            return at + 2 + digits;
          }
        }
        error(
            token.range(),
            "Invalid escape sequence",
            "\\"
                + kind
                + " must be followed by "
                + digits
                + " hexadecimal digits naming a Unicode character.");
        return at + 2;
      }
      default -> {
        error(
            token.range(),
            "Invalid escape sequence",
            "The symbol "
                + quote("\\" + kind)
                + " is not a"
                + " valid escape sequence. Write \\\\ for a literal backslash.");
        out.append(kind);
      }
    }
    return at + 2;
  }

  private static String unescapeSequences(String text) {
    return text.replace("$${", "${").replace("%%{", "%{");
  }

  private static String describe(Token token) {
    return switch (token.type()) {
      case EOF -> "the end of the file";
      case NEWLINE -> "a newline";
      case CLOSE_QUOTE, CLOSE_HEREDOC, TEMPLATE_SEQUENCE_END ->
          token.text().isEmpty() ? "the end of the file" : quote(token.text());
      default ->
          quote(token.text().length() > 20 ? token.text().substring(0, 20) + "..." : token.text());
    };
  }

  private static String quote(String text) {
    return "\"" + text.replace("\n", "\\n") + "\"";
  }
}
