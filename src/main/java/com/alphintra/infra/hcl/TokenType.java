package com.alphintra.infra.hcl;

/** The kinds of token the {@link HclLexer} produces. */
public enum TokenType {
  IDENTIFIER,
  NUMBER,
  /** A run of literal characters inside a quoted template, escapes still encoded. */
  QUOTED_LITERAL,
  /** A run of literal characters inside a heredoc or a template file, at most one line long. */
  TEMPLATE_LITERAL,
  OPEN_QUOTE,
  /** Closes a quoted template; empty text when the lexer had to close an unterminated string. */
  CLOSE_QUOTE,
  /** {@code <<EOF} or {@code <<-EOF} including the newline that ends the introducer. */
  OPEN_HEREDOC,
  /** The closing delimiter line of a heredoc; empty text when the heredoc was never closed. */
  CLOSE_HEREDOC,
  /** {@code ${} or {@code ${~}. */
  TEMPLATE_INTERPOLATION,
  /** {@code %{} or {@code %{~}. */
  TEMPLATE_CONTROL,
  /** {@code }} or {@code ~}} ending a template sequence; empty text when the input ended first. */
  TEMPLATE_SEQUENCE_END,
  PLUS,
  MINUS,
  STAR,
  SLASH,
  PERCENT,
  AND,
  OR,
  BANG,
  EQUAL_EQUAL,
  NOT_EQUAL,
  LESS,
  GREATER,
  LESS_EQUAL,
  GREATER_EQUAL,
  EQUAL,
  COLON,
  QUESTION,
  FAT_ARROW,
  DOT,
  COMMA,
  ELLIPSIS,
  OPEN_BRACE,
  CLOSE_BRACE,
  OPEN_BRACKET,
  CLOSE_BRACKET,
  OPEN_PAREN,
  CLOSE_PAREN,
  NEWLINE,
  /**
   * A {@code #}, {@code //} or {@code /* *}{@code /} comment; line comments exclude their newline.
   */
  COMMENT,
  /** A {@code /*} comment that the input ended inside. */
  UNTERMINATED_COMMENT,
  /** A character that cannot start any token. */
  INVALID,
  EOF
}
