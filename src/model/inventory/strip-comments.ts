/**
 * Blanks `/* … *\/` comments (keeping line breaks, so line numbers stay) so a commented-out `export` is not
 * read as one. Strings are not parsed: a `/*` inside a string literal is rare in module headers.
 */
export function stripBlockComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\r\n]/g, " "));
}
