package com.alphintra.infra.hcl;

import static com.alphintra.infra.hcl.SourceRanges.FILE;
import static com.alphintra.infra.hcl.SourceRanges.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec section "Lexical Elements": comments, whitespace, identifiers, operators, numbers. */
class LexicalElementsTest {

  private static List<TokenType> types(String source) {
    return HclLexer.tokenize(source, FILE).stream().map(Token::type).toList();
  }

  @Test
  void everyOperatorAndDelimiterIsOneToken() {
    assertThat(types("+ && == < : { [ ( - || != > ? } ] ) * ! <= = . / >= => , % ..."))
        .containsExactly(
            TokenType.PLUS,
            TokenType.AND,
            TokenType.EQUAL_EQUAL,
            TokenType.LESS,
            TokenType.COLON,
            TokenType.OPEN_BRACE,
            TokenType.OPEN_BRACKET,
            TokenType.OPEN_PAREN,
            TokenType.MINUS,
            TokenType.OR,
            TokenType.NOT_EQUAL,
            TokenType.GREATER,
            TokenType.QUESTION,
            TokenType.CLOSE_BRACE,
            TokenType.CLOSE_BRACKET,
            TokenType.CLOSE_PAREN,
            TokenType.STAR,
            TokenType.BANG,
            TokenType.LESS_EQUAL,
            TokenType.EQUAL,
            TokenType.DOT,
            TokenType.SLASH,
            TokenType.GREATER_EQUAL,
            TokenType.FAT_ARROW,
            TokenType.COMMA,
            TokenType.PERCENT,
            TokenType.ELLIPSIS,
            TokenType.EOF);
  }

  @Test
  void numericLiteralsHaveFractionAndExponentParts() {
    List<Token> tokens = HclLexer.tokenize("1 12.5 1e3 2.5E-4 7e+2", FILE);
    assertThat(tokens.stream().filter(t -> t.type() == TokenType.NUMBER).map(Token::text))
        .containsExactly("1", "12.5", "1e3", "2.5E-4", "7e+2");
  }

  @Test
  void aDotAfterDigitsWithoutMoreDigitsIsNotPartOfTheNumber() {
    assertThat(types("a.0.b"))
        .containsExactly(
            TokenType.IDENTIFIER,
            TokenType.DOT,
            TokenType.NUMBER,
            TokenType.DOT,
            TokenType.IDENTIFIER,
            TokenType.EOF);
  }

  @Test
  void identifiersMayContainDashesAndUnicodeLetters() {
    List<Token> tokens = HclLexer.tokenize("kube-proxy _private überwachung x1", FILE);
    assertThat(tokens.stream().filter(t -> t.type() == TokenType.IDENTIFIER).map(Token::text))
        .containsExactly("kube-proxy", "_private", "überwachung", "x1");
  }

  @Test
  void commentsAreTokensWithExactRanges() {
    List<Token> tokens = HclLexer.tokenize("a = 1 # one\n// two\n/* three\n */ b = 2\n", FILE);
    List<Token> comments = tokens.stream().filter(t -> t.type() == TokenType.COMMENT).toList();
    assertThat(comments)
        .containsExactly(
            new Token(TokenType.COMMENT, "# one", range(1, 7, 12, 0)),
            new Token(TokenType.COMMENT, "// two", range(2, 1, 7, 12)),
            new Token(
                TokenType.COMMENT,
                "/* three\n */",
                SourceRanges.range(new Pos(3, 1, 19), new Pos(4, 4, 31))));
  }

  @Test
  void parsedFilesExposeTheirCommentsByLine() {
    HclFile file =
        HclParser.parse(
            "# alphintra:ignore gke-private-nodes reason=\"dev\"\nx = 1 // why\n", FILE);
    assertThat(file.comments()).hasSize(2);
    assertThat(file.commentsOnLine(2)).extracting(Token::text).containsExactly("// why");
  }

  @Test
  void tabsCountAsOneColumnAndCrLfIsOneNewline() {
    List<Token> tokens = HclLexer.tokenize("\ta\r\nb", FILE);
    assertThat(tokens.get(0).range().start()).isEqualTo(new Pos(1, 2, 1));
    assertThat(tokens.get(1))
        .isEqualTo(
            new Token(
                TokenType.NEWLINE, "\r\n", SourceRanges.range(new Pos(1, 3, 2), new Pos(2, 1, 4))));
    assertThat(tokens.get(2).range().start()).isEqualTo(new Pos(2, 1, 4));
  }

  @Test
  void columnsCountCodePointsNotUtf16Units() {
    List<Token> tokens = HclLexer.tokenize("x = \"\uD83D\uDE00\" y", FILE);
    Token y = tokens.get(tokens.size() - 2);
    assertThat(y.text()).isEqualTo("y");
    assertThat(y.range().start()).isEqualTo(new Pos(1, 9, 9));
  }

  @Test
  void anInvalidCharacterIsReportedWithItsPosition() {
    assertThatThrownBy(() -> HclParser.parse("a = 1\nb = 2 @ 3\n", FILE))
        .isInstanceOf(HclParseException.class)
        .hasMessageStartingWith("test.hcl:2:7: Invalid character");
  }

  @Test
  void aByteOrderMarkIsInvalid() {
    assertThatThrownBy(() -> HclParser.parse("\uFEFFa = 1\n", FILE))
        .hasMessageStartingWith("test.hcl:1:1: Invalid character");
  }

  @Test
  void anUnterminatedCommentIsReportedAtItsStart() {
    assertThatThrownBy(() -> HclParser.parse("a = 1\n  /* open\nb = 2\n", FILE))
        .hasMessageStartingWith("test.hcl:2:3: Unterminated comment");
  }

  @Test
  void quotedStringsAndHeredocsSwitchTheLexerIntoTemplateMode() {
    assertThat(types("a = \"x${b}y\"\n"))
        .containsExactly(
            TokenType.IDENTIFIER,
            TokenType.EQUAL,
            TokenType.OPEN_QUOTE,
            TokenType.QUOTED_LITERAL,
            TokenType.TEMPLATE_INTERPOLATION,
            TokenType.IDENTIFIER,
            TokenType.TEMPLATE_SEQUENCE_END,
            TokenType.QUOTED_LITERAL,
            TokenType.CLOSE_QUOTE,
            TokenType.NEWLINE,
            TokenType.EOF);
    assertThat(types("a = <<EOT\nline # not a comment\nEOT\n"))
        .containsExactly(
            TokenType.IDENTIFIER,
            TokenType.EQUAL,
            TokenType.OPEN_HEREDOC,
            TokenType.TEMPLATE_LITERAL,
            TokenType.CLOSE_HEREDOC,
            TokenType.NEWLINE,
            TokenType.EOF);
  }

  @Test
  void bracesInsideAnInterpolationDoNotEndIt() {
    assertThat(types("\"${ {a = 1}.a }\""))
        .containsExactly(
            TokenType.OPEN_QUOTE,
            TokenType.TEMPLATE_INTERPOLATION,
            TokenType.OPEN_BRACE,
            TokenType.IDENTIFIER,
            TokenType.EQUAL,
            TokenType.NUMBER,
            TokenType.CLOSE_BRACE,
            TokenType.DOT,
            TokenType.IDENTIFIER,
            TokenType.TEMPLATE_SEQUENCE_END,
            TokenType.CLOSE_QUOTE,
            TokenType.EOF);
  }

  @Test
  void theLexerClosesWhatTheInputLeftOpen() {
    List<Token> tokens = HclLexer.tokenize("a = \"${b", FILE);
    assertThat(tokens.subList(tokens.size() - 3, tokens.size()))
        .extracting(Token::type, Token::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TokenType.TEMPLATE_SEQUENCE_END, ""),
            org.assertj.core.groups.Tuple.tuple(TokenType.CLOSE_QUOTE, ""),
            org.assertj.core.groups.Tuple.tuple(TokenType.EOF, ""));
  }
}
