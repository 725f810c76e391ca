const MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: "Unexpected character.",
  InvalidNumberFormat: "Invalid number.",
  PropertyNameExpected: "Expected a property name in double quotes.",
  ValueExpected: "Expected a value.",
  ColonExpected: "Expected a colon after the property name.",
  CommaExpected: "Expected a comma.",
  CloseBraceExpected: "Expected a closing brace `}`.",
  CloseBracketExpected: "Expected a closing bracket `]`.",
  EndOfFileExpected: "Unexpected text after the end of the JSON value.",
  InvalidCommentToken: "Comments are not allowed in JSON.",
  UnexpectedEndOfComment: "Unterminated comment.",
  UnexpectedEndOfString: "Unterminated string.",
  UnexpectedEndOfNumber: "Incomplete number.",
  InvalidUnicode: "Invalid unicode escape sequence.",
  InvalidEscapeCharacter: "Invalid escape character in string.",
  InvalidCharacter: "Invalid character in string (control characters must be escaped).",
};

/** A readable sentence for a jsonc-parser error code name (`CommaExpected`). */
export function describeJsonSyntaxError(codeName: string): string {
  return MESSAGES[codeName] ?? `JSON syntax error (${codeName}).`;
}
