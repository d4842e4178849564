package com.alphintra.infra.platform;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of the Common Expression Language that CRD validation rules ({@code
 * x-kubernetes-validations}) of the Istio and Prometheus-operator CRDs use: literals (integers,
 * strings, booleans, lists, maps), {@code self} and macro variables, field selection, {@code ? :},
 * {@code || && !}, comparisons, {@code in}, {@code + -} on integers and strings, {@code has()},
 * {@code size()}, {@code int()}, {@code duration()}, the string functions {@code contains
 * startsWith endsWith matches substring}, and the macros {@code all exists exists_one filter map}.
 *
 * <p>Anything else ({@code url()}, {@code isURL()}, {@code oldSelf}, {@code quantity()}, ...) makes
 * {@link #evaluate} answer empty: the rule is skipped, never guessed. A runtime error (a missing
 * field read without {@code has}, a type mismatch) is skipped too.
 */
public final class CelExpression {

  /** A rule this subset cannot evaluate. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private interface Node {
    Object eval(Map<String, Object> scope);
  }

  private final String source;
  private final Node root;

  private CelExpression(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /** The parsed rule, or empty when it uses syntax outside the subset. */
  public static Optional<CelExpression> parse(String source) {
    try {
      Parser parser = new Parser(source);
      Node node = parser.expression();
      parser.skipSpace();
      if (parser.position < source.length()) {
        return Optional.empty();
      }
      return Optional.of(new CelExpression(source, node));
    } catch (Unsupported | IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  public String source() {
    return source;
  }

  /**
   * The rule's value for {@code self} (a value of the YAML tree: map, list, string, number,
   * boolean): true or false, or empty when the subset cannot tell.
   */
  public Optional<Boolean> evaluate(Object self) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("self", normalise(self));
    try {
      Object result = root.eval(scope);
      return result instanceof Boolean bool ? Optional.of(bool) : Optional.empty();
    } catch (Unsupported | CelError | ClassCastException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private static final class CelError extends RuntimeException {
    CelError(String what) {
      super(what, null, false, false);
    }
  }

  private static Object normalise(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof BigInteger big) {
      return big.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new HashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(CelExpression::normalise).toList();
    }
    return value;
  }

  private static final class Parser {
    private final String text;
    private int position;

    Parser(String text) {
      this.text = text;
    }

    void skipSpace() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }

    boolean accept(String token) {
      skipSpace();
      if (text.startsWith(token, position)) {
        // "in" and other words must not run into an identifier
        if (Character.isLetter(token.charAt(0))
            && position + token.length() < text.length()
            && isIdentifierPart(text.charAt(position + token.length()))) {
          return false;
        }
        position += token.length();
        return true;
      }
      return false;
    }

    void expect(String token) {
      if (!accept(token)) {
        throw new IllegalArgumentException("expected " + token + " at " + position);
      }
    }

    Node expression() {
      Node condition = or();
      if (accept("?")) {
        Node then = expression();
        expect(":");
        Node otherwise = expression();
        return scope -> truth(condition.eval(scope)) ? then.eval(scope) : otherwise.eval(scope);
      }
      return condition;
    }

    private Node or() {
      Node left = and();
      while (accept("||")) {
        Node l = left;
        Node right = and();
        left = scope -> truth(l.eval(scope)) || truth(right.eval(scope));
      }
      return left;
    }

    private Node and() {
      Node left = relation();
      while (accept("&&")) {
        Node l = left;
        Node right = relation();
        left = scope -> truth(l.eval(scope)) && truth(right.eval(scope));
      }
      return left;
    }

    private Node relation() {
      Node left = additive();
      while (true) {
        String op = null;
        for (String candidate : List.of("==", "!=", "<=", ">=", "<", ">", "in")) {
          if (accept(candidate)) {
            op = candidate;
            break;
          }
        }
        if (op == null) {
          return left;
        }
        Node l = left;
        Node right = additive();
        String operator = op;
        left = scope -> compare(operator, l.eval(scope), right.eval(scope));
      }
    }

    private Node additive() {
      Node left = unary();
      while (true) {
        boolean plus = accept("+");
        if (!plus && !acceptMinus()) {
          return left;
        }
        Node l = left;
        Node right = unary();
        left = scope -> arithmetic(plus, l.eval(scope), right.eval(scope));
      }
    }

    private boolean acceptMinus() {
      return accept("-");
    }

    private Node unary() {
      if (accept("!")) {
        Node operand = unary();
        return scope -> !truth(operand.eval(scope));
      }
      if (accept("-")) {
        Node operand = unary();
        return scope -> -((Long) operand.eval(scope));
      }
      return member();
    }

    private Node member() {
      Node node = primary();
      while (true) {
        if (accept(".")) {
          String name = identifier();
          if (accept("(")) {
            node = method(node, name);
          } else {
            Node target = node;
            node = scope -> field(target.eval(scope), name);
          }
        } else if (accept("[")) {
          Node target = node;
          Node index = expression();
          expect("]");
          node = scope -> index(target.eval(scope), index.eval(scope));
        } else {
          return node;
        }
      }
    }

    private Node method(Node target, String name) {
      if (List.of("all", "exists", "exists_one", "filter", "map").contains(name)) {
        String variable = identifier();
        expect(",");
        Node body = expression();
        expect(")");
        return scope -> macro(name, target.eval(scope), variable, body, scope);
      }
      List<Node> arguments = arguments();
      return scope -> call(name, target.eval(scope), evaluate(arguments, scope));
    }

    private List<Node> arguments() {
      List<Node> arguments = new ArrayList<>();
      if (accept(")")) {
        return arguments;
      }
      do {
        arguments.add(expression());
      } while (accept(","));
      expect(")");
      return arguments;
    }

    private Node primary() {
      skipSpace();
      char c = text.charAt(position);
      if (accept("(")) {
        Node inner = expression();
        expect(")");
        return inner;
      }
      if (accept("[")) {
        List<Node> items = new ArrayList<>();
        if (!accept("]")) {
          do {
            items.add(expression());
          } while (accept(","));
          expect("]");
        }
        return scope -> evaluate(items, scope);
      }
      if (accept("{")) {
        expect("}");
        return scope -> Map.of();
      }
      if (c == '"' || c == '\'') {
        String literal = string(c);
        return scope -> literal;
      }
      if (Character.isDigit(c)) {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
          position++;
        }
        if (position < text.length()
            && (text.charAt(position) == '.' || text.charAt(position) == 'u')) {
          throw new Unsupported("non-integer number");
        }
        long number = Long.parseLong(text.substring(start, position));
        return scope -> number;
      }
      String name = identifier();
      switch (name) {
        case "true":
          return scope -> true;
        case "false":
          return scope -> false;
        case "null":
          return scope -> null;
        default:
          break;
      }
      if (accept("(")) {
        if (name.equals("has")) {
          Node target = hasTarget();
          expect(")");
          return target;
        }
        List<Node> arguments = arguments();
        return scope -> function(name, evaluate(arguments, scope));
      }
      if (name.equals("oldSelf")) {
        throw new Unsupported("transition rule");
      }
      return scope -> {
        if (!scope.containsKey(name)) {
          throw new Unsupported("unknown identifier " + name);
        }
        return scope.get(name);
      };
    }

    /** {@code has(a.b.c)}: whether the last field is present in what the rest selects. */
    private Node hasTarget() {
      int start = position;
      Node whole = member();
      String selection = text.substring(start, position).strip();
      int dot = selection.lastIndexOf('.');
      if (dot < 0) {
        throw new IllegalArgumentException("has() needs a field selection");
      }
      String field = selection.substring(dot + 1);
      Optional<CelExpression> base = CelExpression.parse(selection.substring(0, dot));
      if (base.isEmpty()) {
        throw new Unsupported("has() of " + selection);
      }
      Node target = base.get().root;
      return scope -> target.eval(scope) instanceof Map<?, ?> map && map.containsKey(field);
    }

    private String identifier() {
      skipSpace();
      int start = position;
      while (position < text.length() && isIdentifierPart(text.charAt(position))) {
        position++;
      }
      if (start == position) {
        throw new IllegalArgumentException("expected a name at " + position);
      }
      return text.substring(start, position);
    }

    private String string(char quote) {
      StringBuilder value = new StringBuilder();
      position++;
      while (text.charAt(position) != quote) {
        char c = text.charAt(position++);
        if (c == '\\') {
          char escaped = text.charAt(position++);
          value.append(
              switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                default -> escaped;
              });
        } else {
          value.append(c);
        }
      }
      position++;
      return value.toString();
    }

    private static boolean isIdentifierPart(char c) {
      return Character.isLetterOrDigit(c) || c == '_';
    }
  }

  private static List<Object> evaluate(List<Node> nodes, Map<String, Object> scope) {
    List<Object> values = new ArrayList<>();
    for (Node node : nodes) {
      values.add(node.eval(scope));
    }
    return values;
  }

  private static boolean truth(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw new CelError("not a boolean: " + value);
  }

  private static Object field(Object target, String name) {
    if (target instanceof Map<?, ?> map) {
      if (!map.containsKey(name)) {
        throw new CelError("no such key: " + name);
      }
      return map.get(name);
    }
    throw new CelError("no field " + name + " on " + target);
  }

  private static Object index(Object target, Object index) {
    if (target instanceof List<?> list && index instanceof Long i) {
      return list.get(i.intValue());
    }
    return field(target, String.valueOf(index));
  }

  private static Object compare(String operator, Object left, Object right) {
    if (operator.equals("in")) {
      if (right instanceof List<?> list) {
        return list.contains(left);
      }
      if (right instanceof Map<?, ?> map) {
        return map.containsKey(left);
      }
      throw new CelError("in needs a list or map");
    }
    if (operator.equals("==")) {
      return java.util.Objects.equals(left, right);
    }
    if (operator.equals("!=")) {
      return !java.util.Objects.equals(left, right);
    }
    int order;
    if (left instanceof Long a && right instanceof Long b) {
      order = Long.compare(a, b);
    } else if (left instanceof String a && right instanceof String b) {
      order = a.compareTo(b);
    } else if (left instanceof Duration a && right instanceof Duration b) {
      order = a.compareTo(b);
    } else {
      throw new CelError("cannot order " + left + " and " + right);
    }
    return switch (operator) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private static Object arithmetic(boolean plus, Object left, Object right) {
    if (left instanceof Long a && right instanceof Long b) {
      return plus ? Math.addExact(a, b) : Math.subtractExact(a, b);
    }
    if (plus && left instanceof String a && right instanceof String b) {
      return a + b;
    }
    if (plus && left instanceof List<?> a && right instanceof List<?> b) {
      List<Object> joined = new ArrayList<>(a);
      joined.addAll(b);
      return joined;
    }
    throw new CelError("cannot add " + left + " and " + right);
  }

  private static Object macro(
      String name, Object target, String variable, Node body, Map<String, Object> scope) {
    List<?> items =
        target instanceof List<?> list
            ? list
            : target instanceof Map<?, ?> map ? new ArrayList<>(map.keySet()) : null;
    if (items == null) {
      throw new CelError(name + " needs a list or map");
    }
    Map<String, Object> inner = new HashMap<>(scope);
    List<Object> results = new ArrayList<>();
    int matches = 0;
    for (Object item : items) {
      inner.put(variable, item);
      Object value = body.eval(inner);
      if (name.equals("map")) {
        results.add(value);
      } else if (truth(value)) {
        matches++;
        results.add(item);
      }
    }
    return switch (name) {
      case "all" -> matches == items.size();
      case "exists" -> matches > 0;
      case "exists_one" -> matches == 1;
      default -> results;
    };
  }

  private static Object call(String name, Object target, List<Object> arguments) {
    if (name.equals("size") && arguments.isEmpty()) {
      return size(target);
    }
    if (target instanceof String text && arguments.size() >= 1) {
      Object first = arguments.get(0);
      switch (name) {
        case "contains":
          return text.contains((String) first);
        case "startsWith":
          return text.startsWith((String) first);
        case "endsWith":
          return text.endsWith((String) first);
        case "matches":
          return Pattern.compile((String) first).matcher(text).find();
        case "substring":
          int from = ((Long) first).intValue();
          int to = arguments.size() > 1 ? ((Long) arguments.get(1)).intValue() : text.length();
          if (from < 0 || to > text.length() || from > to) {
            throw new CelError("substring out of range");
          }
          return text.substring(from, to);
        default:
          break;
      }
    }
    throw new Unsupported("function " + name);
  }

  private static Object function(String name, List<Object> arguments) {
    Object argument = arguments.isEmpty() ? null : arguments.get(0);
    switch (name) {
      case "size":
        return size(argument);
      case "int":
        if (argument instanceof Long number) {
          return number;
        }
        if (argument instanceof String text) {
          try {
            return Long.parseLong(text);
          } catch (NumberFormatException e) {
            throw new CelError("not an integer: " + text);
          }
        }
        throw new CelError("int of " + argument);
      case "string":
        return String.valueOf(argument);
      case "duration":
        return duration((String) argument);
      default:
        throw new Unsupported("function " + name);
    }
  }

  private static long size(Object value) {
    if (value instanceof String text) {
      return text.codePointCount(0, text.length());
    }
    if (value instanceof List<?> list) {
      return list.size();
    }
    if (value instanceof Map<?, ?> map) {
      return map.size();
    }
    throw new CelError("size of " + value);
  }

  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|us|µs|ns|m|s)");

  /** Go's duration syntax, as CEL's {@code duration()} reads it: {@code 1h30m}, {@code 250ms}. */
  static Duration duration(String text) {
    String rest = text.startsWith("-") ? text.substring(1) : text;
    var matcher = DURATION_PART.matcher(rest);
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      double amount = Double.parseDouble(matcher.group(1));
      long nanos =
          switch (matcher.group(2)) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs" -> 1_000L;
            default -> 1L;
          };
      total = total.plusNanos(Math.round(amount * nanos));
      end = matcher.end();
    }
    if (end != rest.length() || rest.isEmpty()) {
      throw new CelError("not a duration: " + text);
    }
    return text.startsWith("-") ? total.negated() : total;
  }
}
