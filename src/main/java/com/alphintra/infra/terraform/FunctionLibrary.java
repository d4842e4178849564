package com.alphintra.infra.terraform;

import static com.alphintra.infra.terraform.Conversions.asInt;
import static com.alphintra.infra.terraform.Conversions.asList;
import static com.alphintra.infra.terraform.Conversions.asMap;
import static com.alphintra.infra.terraform.Conversions.asNumber;
import static com.alphintra.infra.terraform.Conversions.asString;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Terraform functions the static evaluator knows. Each takes evaluated arguments and either
 * returns a value or throws {@link EvaluationException}; unknown arguments are handled before a
 * function runs.
 */
final class FunctionLibrary {

  /**
   * Functions that look only at the outer shape of their arguments, so unknown elements may pass
   * through.
   */
  private static final Set<String> SHAPE_ONLY =
      Set.of(
          "merge",
          "concat",
          "length",
          "lookup",
          "values",
          "tolist",
          "tomap",
          "element",
          "flatten",
          "coalesce");

  private static final Map<String, Function<List<Value>, Value>> FUNCTIONS =
      Map.ofEntries(
          Map.entry("merge", FunctionLibrary::merge),
          Map.entry("concat", FunctionLibrary::concat),
          Map.entry("lookup", FunctionLibrary::lookup),
          Map.entry("cidrsubnet", FunctionLibrary::cidrsubnet),
          Map.entry("cidrhost", FunctionLibrary::cidrhost),
          Map.entry("length", FunctionLibrary::length),
          Map.entry(
              "keys",
              args -> Value.list(asMap(single(args)).keySet().stream().map(Value::of).toList())),
          Map.entry("values", args -> Value.list(List.copyOf(asMap(single(args)).values()))),
          Map.entry("contains", FunctionLibrary::contains),
          Map.entry("coalesce", FunctionLibrary::coalesce),
          Map.entry("toset", FunctionLibrary::toset),
          Map.entry("tolist", args -> Value.list(asList(single(args)))),
          Map.entry("tomap", args -> Value.map(asMap(single(args)))),
          Map.entry(
              "tostring",
              args ->
                  single(args) instanceof NullValue
                      ? single(args)
                      : Value.of(asString(single(args)))),
          Map.entry(
              "tonumber",
              args ->
                  single(args) instanceof NullValue
                      ? single(args)
                      : Value.of(asNumber(single(args)))),
          Map.entry("format", FunctionLibrary::format),
          Map.entry("join", FunctionLibrary::join),
          Map.entry("split", args -> split(arity(args, 2))),
          Map.entry("lower", args -> Value.of(asString(single(args)).toLowerCase(Locale.ROOT))),
          Map.entry("upper", args -> Value.of(asString(single(args)).toUpperCase(Locale.ROOT))),
          Map.entry("trimspace", args -> Value.of(asString(single(args)).strip())),
          Map.entry("replace", FunctionLibrary::replace),
          Map.entry(
              "distinct",
              args -> Value.list(new ArrayList<>(new LinkedHashSet<>(asList(single(args)))))),
          Map.entry("flatten", FunctionLibrary::flatten),
          Map.entry("element", FunctionLibrary::element),
          Map.entry(
              "max",
              args ->
                  Value.of(
                      numbers(args).stream()
                          .reduce(BigDecimal::max)
                          .orElseThrow(
                              () -> new EvaluationException("max needs at least one number")))),
          Map.entry(
              "min",
              args ->
                  Value.of(
                      numbers(args).stream()
                          .reduce(BigDecimal::min)
                          .orElseThrow(
                              () -> new EvaluationException("min needs at least one number")))),
          Map.entry(
              "alltrue",
              args -> Value.of(asList(single(args)).stream().allMatch(Conversions::asBool))),
          Map.entry(
              "anytrue",
              args -> Value.of(asList(single(args)).stream().anyMatch(Conversions::asBool))));

  private FunctionLibrary() {}

  static Optional<Function<List<Value>, Value>> find(String name) {
    return Optional.ofNullable(FUNCTIONS.get(name));
  }

  /** {@code true} if the function can work on arguments that are known on the outside only. */
  static boolean acceptsPartlyKnownArguments(String name) {
    return SHAPE_ONLY.contains(name);
  }

  private static List<Value> arity(List<Value> args, int count) {
    if (args.size() != count) {
      throw new EvaluationException("expected " + count + " arguments, got " + args.size());
    }
    return args;
  }

  private static Value single(List<Value> args) {
    return arity(args, 1).get(0);
  }

  private static Value merge(List<Value> args) {
    Map<String, Value> merged = new LinkedHashMap<>();
    for (Value arg : args) {
      if (!(arg instanceof NullValue)) {
        merged.putAll(asMap(arg));
      }
    }
    return Value.map(merged);
  }

  private static Value concat(List<Value> args) {
    List<Value> all = new ArrayList<>();
    args.forEach(arg -> all.addAll(asList(arg)));
    return Value.list(all);
  }

  private static Value lookup(List<Value> args) {
    if (args.size() != 2 && args.size() != 3) {
      throw new EvaluationException("lookup takes a map, a key and an optional default");
    }
    if (!args.get(1).isWhollyKnown()) {
      return Value.unknown();
    }
    Value found = asMap(args.get(0)).get(asString(args.get(1)));
    if (found != null) {
      return found;
    }
    if (args.size() == 3) {
      return args.get(2);
    }
    throw new EvaluationException("the map has no key \"" + asString(args.get(1)) + "\"");
  }

  private static Value cidrsubnet(List<Value> args) {
    arity(args, 3);
    IpNetwork network = IpNetwork.parse(asString(args.get(0)));
    return Value.of(network.subnet(asInt(args.get(1)), wholeNumber(args.get(2))).format());
  }

  private static Value cidrhost(List<Value> args) {
    arity(args, 2);
    IpNetwork network = IpNetwork.parse(asString(args.get(0)));
    return Value.of(network.formatAddress(network.host(wholeNumber(args.get(1)))));
  }

  private static BigInteger wholeNumber(Value value) {
    try {
      return asNumber(value).toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new EvaluationException("a whole number is required");
    }
  }

  private static Value length(List<Value> args) {
    Value value = single(args);
    if (value instanceof ListValue list) {
      return Value.of(list.elements().size());
    }
    if (value instanceof MapValue map) {
      return Value.of(map.entries().size());
    }
    String text = asString(value);
    return Value.of(text.codePointCount(0, text.length()));
  }

  private static Value contains(List<Value> args) {
    arity(args, 2);
    return Value.of(asList(args.get(0)).contains(args.get(1)));
  }

  private static Value coalesce(List<Value> args) {
    for (Value arg : args) {
      if (!arg.isKnown()) {
        return Value.unknown();
      }
      if (!(arg instanceof NullValue) && !(arg instanceof StringValue s && s.value().isEmpty())) {
        return arg;
      }
    }
    throw new EvaluationException("no non-null, non-empty argument");
  }

  private static Value toset(List<Value> args) {
    List<Value> unique = new ArrayList<>(new LinkedHashSet<>(asList(single(args))));
    // Terraform iterates a set of strings in lexical order; other element types keep first-seen
    // order here.
    if (unique.stream().allMatch(v -> v instanceof StringValue)) {
      unique.sort((a, b) -> ((StringValue) a).value().compareTo(((StringValue) b).value()));
    }
    return Value.list(unique);
  }

  private static Value format(List<Value> args) {
    if (args.isEmpty()) {
      throw new EvaluationException("format needs a format string");
    }
    String spec = asString(args.get(0));
    StringBuilder out = new StringBuilder();
    int next = 1;
    int i = 0;
    while (i < spec.length()) {
      char c = spec.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      int j = i + 1;
      while (j < spec.length() && "-0+ ".indexOf(spec.charAt(j)) >= 0) {
        j++;
      }
      while (j < spec.length() && Character.isDigit(spec.charAt(j)) && j - i < 6) {
        j++;
      }
      if (j >= spec.length()) {
        throw new EvaluationException("unfinished format verb");
      }
      char verb = spec.charAt(j);
      String flags = spec.substring(i + 1, j);
      if (verb == '%') {
        out.append('%');
      } else if (next >= args.size()) {
        throw new EvaluationException("not enough arguments for the format string");
      } else {
        Value arg = args.get(next++);
        switch (verb) {
          case 'd' -> out.append(String.format(Locale.ROOT, "%" + flags + "d", wholeNumber(arg)));
          case 's', 'v' ->
              out.append(
                  String.format(Locale.ROOT, "%" + flags.replace("0", "") + "s", asString(arg)));
          default -> throw new EvaluationException("unsupported format verb %" + verb);
        }
      }
      i = j + 1;
    }
    return Value.of(out.toString());
  }

  private static Value join(List<Value> args) {
    if (args.size() < 2) {
      throw new EvaluationException("join needs a separator and at least one list");
    }
    String separator = asString(args.get(0));
    List<String> parts = new ArrayList<>();
    args.subList(1, args.size()).forEach(list -> asList(list).forEach(v -> parts.add(asString(v))));
    return Value.of(String.join(separator, parts));
  }

  private static Value split(List<Value> args) {
    String separator = asString(args.get(0));
    String text = asString(args.get(1));
    if (separator.isEmpty()) {
      throw new EvaluationException("split needs a non-empty separator");
    }
    List<Value> parts = new ArrayList<>();
    int from = 0;
    int at;
    while ((at = text.indexOf(separator, from)) >= 0) {
      parts.add(Value.of(text.substring(from, at)));
      from = at + separator.length();
    }
    parts.add(Value.of(text.substring(from)));
    return Value.list(parts);
  }

  private static Value replace(List<Value> args) {
    arity(args, 3);
    String search = asString(args.get(1));
    if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
      // Terraform reads /.../ as a regular expression (RE2); matching Java's dialect to it is not
      // worth
      // the risk of a wrong answer, so the result stays unknown.
      return Value.unknown();
    }
    if (search.isEmpty()) {
      throw new EvaluationException("replace needs a non-empty search string");
    }
    return Value.of(asString(args.get(0)).replace(search, asString(args.get(2))));
  }

  private static Value flatten(List<Value> args) {
    List<Value> out = new ArrayList<>();
    return flattenInto(asList(single(args)), out, 0) ? Value.list(out) : Value.unknown();
  }

  /** Returns {@code false} when an unknown element hides whether it is a list to flatten. */
  private static boolean flattenInto(List<Value> values, List<Value> out, int depth) {
    for (Value value : values) {
      if (!value.isKnown()) {
        return false;
      }
      if (value instanceof ListValue list && depth < 64) {
        if (!flattenInto(list.elements(), out, depth + 1)) {
          return false;
        }
      } else {
        out.add(value);
      }
    }
    return true;
  }

  private static Value element(List<Value> args) {
    arity(args, 2);
    List<Value> list = asList(args.get(0));
    if (list.isEmpty()) {
      throw new EvaluationException("element of an empty list");
    }
    return list.get(Math.floorMod(asInt(args.get(1)), list.size()));
  }

  private static List<BigDecimal> numbers(List<Value> args) {
    return args.stream().map(Conversions::asNumber).toList();
  }
}
